def out = new File(basedir, 'target/tinyml')
def name = 'savedmodel_int8_to_firmware'
['model.tflite', 'model.cc', 'model.h', "$name/${name}.ino", "${name}-arduino.zip", 'report.json'].each {
  assert new File(out, it).isFile() : "missing output $it"
}
assert new File(out, 'model.h').text.contains('constexpr int kInput0Type = kTensorTypeInt8;')
def report = new File(out, 'report.md').text
assert report.contains('int8 (quantized from float32, calibrated on 32 samples)')
assert report.contains('Top-1 agreement')
assert new File(basedir, 'build.log').text.contains('attached savedmodel_int8_to_firmware-arduino.zip')
return true
