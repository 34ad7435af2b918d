/**
 * The Maven goals of TinyML for Java ({@code tinyml:convert}, ...). Each mojo reads its parameters,
 * calls the libraries of {@code tinyml-core} and {@code tinyml-savedmodel}, and turns their errors
 * into build failures with the library's message.
 */
package dev.tinyml.maven;
