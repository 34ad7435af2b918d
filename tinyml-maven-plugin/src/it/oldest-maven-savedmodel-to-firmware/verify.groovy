def out = new File(basedir, 'target/tinyml')
['model.tflite', 'model.cc', 'model.h', 'report.md'].each {
  assert new File(out, it).isFile() : "missing output $it"
}
def log = new File(basedir, 'build.log').text
assert log =~ /Apache Maven 3\.6\.3/ : 'this project must be built by Maven 3.6.3'
assert !log.contains('requires Maven version')
assert log =~ /attached \S+-arduino\.zip \(classifier arduino\)/
assert new File(out, 'model.h').text.contains('constexpr int kInput0Type = kTensorTypeInt8;')
// The second invocation, inspect, prints the converted model's operators.
assert log.contains('FULLY_CONNECTED')
return true
