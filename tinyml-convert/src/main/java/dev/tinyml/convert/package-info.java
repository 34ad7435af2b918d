/**
 * The conversion of a model to firmware files as one library call: {@link
 * dev.tinyml.convert.Converter#convert} takes a {@link dev.tinyml.convert.ConversionRequest} (the
 * model, the representative samples, the settings, the output directory) and returns a {@link
 * dev.tinyml.convert.ConversionResult}; {@link dev.tinyml.convert.ConversionSettings} reads the
 * same settings from text, as a build tool has them. Failures are {@link
 * dev.tinyml.convert.ConversionException}s that say what to fix.
 */
package dev.tinyml.convert;
