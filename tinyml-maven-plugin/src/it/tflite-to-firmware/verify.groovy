def out = new File(basedir, 'target/tinyml')
['model.tflite', 'model.cc', 'model.h', 'speech/speech.ino', 'speech/model.cpp', 'speech/model_ops.h',
 'speech-arduino.zip', 'report.md', 'report.json'].each {
  assert new File(out, it).isFile() : "missing output $it"
}
def fixture = new File(new File(basedir, 'pom.xml').text.find(/<tfliteModel>([^<]+)</) { m, p -> p })
assert new File(out, 'model.tflite').bytes == fixture.bytes
assert new File(out, 'speech/speech.ino').text.contains('kDetectionThreshold = 0.7f')
def log = new File(basedir, 'build.log').text
assert log.contains('attached speech-arduino.zip (classifier arduino)')
assert log.contains('tinyml:convert: micro_speech_quantized.tflite for nano33ble')
return true
