def log = new File(basedir, 'build.log').text
assert log.contains('The firmware does not fit board custom')
assert log.contains('flash: model 300568 B + estimated code')
assert log.contains('> 262144 B available')
assert log.contains('> 65536 B available')
// The model is int8 and the budget is the user's: the remedy suggests neither again.
assert !log.contains('int8 quantization')
assert log.contains('flashBytes/ramBytes are set')
assert !new File(basedir, 'target/tinyml/model.tflite').exists()
return true
