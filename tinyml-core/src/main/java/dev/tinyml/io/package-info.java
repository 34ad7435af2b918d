/**
 * File output shared by every module: {@link dev.tinyml.io.AtomicFiles} writes a file whole or not
 * at all, with the permissions the process's umask gives any new file; {@link
 * dev.tinyml.io.SettingNames} reads enum-valued settings by name.
 */
package dev.tinyml.io;
