def log = new File(basedir, 'build.log').text
def wrote = (log =~ /tinyml:convert: wrote \d+ files to /).count
def skipped = (log =~ /tinyml:convert: model and configuration unchanged since the last run; skipping/).count
assert wrote == 1 : "the first build converts once, got $wrote conversions"
assert skipped == 1 : "the second build skips once, got $skipped skips"
// The skipping build still attaches the Arduino library.
assert (log =~ /attached incremental_package-arduino.zip \(classifier arduino\)/).count == 2
assert new File(basedir, 'target/tinyml/.tinyml-convert.sha256').isFile()
return true
