def out = new File(basedir, 'target/tinyml')
def name = 'keras_sequential_dense_mlp'
['model.tflite', 'model.cc', 'model.h', "$name/${name}.ino", "${name}-arduino.zip", 'report.json'].each {
  assert new File(out, it).isFile() : "missing output $it"
}
assert new File(out, 'model.h').text.contains('kTensorTypeFloat32 = 0')
assert new File(out, 'report.md').text.contains('none (float model)')
return true
