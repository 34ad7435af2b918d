def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/extra/model.cc').isFile()
assert new File(basedir, 'target/tinyml/model.cc').isFile()
assert !log.contains('already attached')
assert log.findAll(/attached \S+-arduino\.zip \(classifier arduino\)/).size() == 1
return true
