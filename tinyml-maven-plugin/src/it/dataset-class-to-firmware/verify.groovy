def out = new File(basedir, 'target/tinyml')
['model.tflite', 'model.h', 'dataset_class_to_firmware/dataset_class_to_firmware.ino', 'dataset_class_to_firmware-arduino.zip'].each {
  assert new File(out, it).isFile() : "missing output $it"
}
assert new File(out, 'report.md').text.contains('int8 (quantized from float32, calibrated on 50 samples)')
assert new File(basedir, 'build.log').text.contains('representative samples from com.example.calibration.SineInputs')
return true
