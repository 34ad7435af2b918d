/** Reads TensorFlow SavedModels in pure Java and lowers them to float TFLite models. */
package dev.tinyml.savedmodel;
