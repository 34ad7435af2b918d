def log = new File(basedir, 'build.log').text
assert !log.contains('Model file not found')
assert log.contains("Signature 'serving_default': lowers to TFLite")
assert log =~ /input +\S+ +float +\[\?, 5\]/
assert log =~ /MatMul +x3 +lowers/
assert log.contains('TFLite operators (float, batch 1): FULLY_CONNECTED x3, LOGISTIC x1')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/savedmodel.json'))
assert json.format == 'savedmodel'
assert json.metaGraphs[0].signatures[0].lowers
return true
