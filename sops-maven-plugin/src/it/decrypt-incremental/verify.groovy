def log = new File(basedir, 'build.log').text
assert log.contains('sops:decrypt: 2 file(s) decrypted to target/sops, 0 up to date')
assert log.contains('sops:decrypt: 0 file(s) decrypted to target/sops, 2 up to date')
assert new File(basedir, 'target/sops/app.yaml').text.contains('planted-secret-yaml-7f3a')
['planted-secret-yaml-7f3a', 'planted-secret-token-91c2', 'planted-secret-json-5d1e', 'planted-secret-env-0b7d'].each {
    assert !log.contains(it) : 'a decrypted value appears in build.log'
}
return true
