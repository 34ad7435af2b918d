def out = new File(basedir, 'target/tinyml')
// No name configured: the sketch and library take the artifactId, not the model folder's name.
def name = 'savedmodel_to_firmware'
['model.tflite', 'model.cc', 'model.h', "$name/${name}.ino", "${name}-arduino.zip", 'report.json'].each {
  assert new File(out, it).isFile() : "missing output $it"
}
assert new File(out, 'model.h').text.contains('kTensorTypeFloat32 = 0')
assert new File(out, 'report.md').text.contains('none (float model)')
return true
