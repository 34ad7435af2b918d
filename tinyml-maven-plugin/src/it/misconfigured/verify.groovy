def log = new File(basedir, 'build.log').text
assert log.contains('No model to convert: set tinyml.tfliteModel (a .tflite file) or tinyml.savedModel')
return true
