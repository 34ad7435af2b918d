def out = new File(basedir, 'target/tinyml')
['model.tflite', 'model.cc', 'model.h', 'wav_micro_frontend_to_firmware/wav_micro_frontend_to_firmware.ino', 'wav_micro_frontend_to_firmware-arduino.zip', 'report.json'].each {
  assert new File(out, it).isFile() : "missing output $it"
}
assert new File(out, 'model.h').text.contains('constexpr int kInput0Type = kTensorTypeInt8;')
assert new File(out, 'report.md').text.contains('int8 (quantized from float32, calibrated on 4 samples)')
def log = new File(basedir, 'build.log').text
assert log.contains('4 representative samples from 4 files')
assert log.contains('(preprocessing micro-frontend)')
assert !log.contains('tinyml.representativeData: skipped') : 'no file of data/ should be skipped'
return true
