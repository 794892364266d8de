import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

def out = new File(basedir, 'target/sops')
['app.sops.yaml': 'app.yaml', 'config/db.json': 'db.json', 'service.env': 'service.env'].each { output, expected ->
    def file = new File(out, output)
    assert file.isFile() : "missing $output"
    assert file.text == new File(basedir, "expected/$expected").text
    assert PosixFilePermissions.toString(Files.getPosixFilePermissions(file.toPath())) == 'rw-------'
}
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(new File(out, 'config').toPath())) == 'rwx------'
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(out.toPath())) == 'rwx------'

def json = new File(basedir, 'target/sops-json/app.sops.json')
assert json.isFile()
assert json.text.contains('"password": "planted-secret-yaml-7f3a"')
assert !new File(basedir, 'target/sops-json/service.env').exists()

def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]') : 'the build ran with -X'
assert log.contains('sops:decrypt: 3 file(s) decrypted')
['planted-secret-yaml-7f3a', 'planted-secret-token-91c2', 'planted-secret-json-5d1e', 'planted-secret-env-0b7d'].each {
    assert !log.contains(it) : "a decrypted value appears in build.log"
}
return true
