def out = new File(basedir, 'target/tinyml')
['speech_model.h', 'speech_model.c', 'speech/speech.ino', 'speech/speech_model.h', 'speech/speech_model.c',
 'speech-arduino.zip', 'report.md', 'report.json'].each {
  assert new File(out, it).isFile() : "missing output $it"
}
['model.tflite', 'model.cc', 'speech/model_ops.h'].each {
  assert !new File(out, it).exists() : "backend=c wrote the tflm output $it"
}
assert !new File(out, 'speech/speech.ino').text.contains('tensorflow')
def md = new File(out, 'report.md').text
assert md.contains('backend: c')
assert md.contains('stack 256 (declared allowance, not measured)')
assert md =~ /flash = constants [0-9,]+ \+ code [0-9,]+ \((measured|estimated)/
def json = new File(out, 'report.json').text
assert json.contains('"backend": "c"')
def log = new File(basedir, 'build.log').text
assert log.contains('attached speech-arduino.zip (classifier arduino)')
assert log.contains('micro_speech_quantized.tflite for nano33ble, backend c: flash ')

// The module compiles warning-free as C99 and runs one invoke, when a host gcc exists.
def gcc = ['sh', '-c', 'command -v gcc'].execute()
gcc.waitFor()
if (gcc.exitValue() != 0) {
  println 'gcc not found: the C module was not compiled'
  return true
}
def work = new File(basedir, 'target/gcc-check')
work.mkdirs()
def main = new File(work, 'main_check.c')
main.text = '''#include <string.h>
#include "speech_model.h"
int main(void) {
  memset(speech_input_0, 0, SPEECH_INPUT_0_BYTES);
  return speech_invoke() == 0 ? 0 : 1;
}
'''
def cmd = ['gcc', '-O2', '-Wall', '-Werror', '-std=c99', '-I', out.absolutePath, '-o', 'check',
           new File(out, 'speech_model.c').absolutePath, 'main_check.c', '-lm']
def build = cmd.execute(null, work)
def err = new StringBuilder()
build.consumeProcessErrorStream(err)
assert build.waitFor() == 0 : "gcc failed: $err"
def run = [new File(work, 'check').absolutePath].execute(null, work)
assert run.waitFor() == 0 : 'speech_invoke() did not return 0'
return true
