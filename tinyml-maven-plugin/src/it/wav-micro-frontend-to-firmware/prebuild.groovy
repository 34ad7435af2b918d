// A float keyword model and one-second clips in class folders, made from the shared fixtures.
import java.nio.file.Files
import java.nio.file.StandardCopyOption

def fixtures = new File(new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml')).properties.fixtures.text())
['yes', 'no', 'silence', 'noise'].each { label ->
  def dir = new File(basedir, "data/$label")
  dir.mkdirs()
  Files.copy(new File(fixtures, "audio/micro_speech/${label}_1000ms.wav").toPath(),
      new File(dir, "${label}.wav").toPath(), StandardCopyOption.REPLACE_EXISTING)
}
dev.tinyml.maven.TinyFloatModel.write(new File(basedir, 'model/kws_float.tflite').toPath(), 1960, 4)
return true
