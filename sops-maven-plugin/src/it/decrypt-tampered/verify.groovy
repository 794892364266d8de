def log = new File(basedir, 'build.log').text
assert log.contains('sops:decrypt failed: src/main/secrets/app.yaml: MAC mismatch')
assert !new File(basedir, 'target/sops/app.yaml').exists()
['planted-secret-yaml-7f3a', 'planted-secret-token-91c2', 'planted-secret-json-5d1e', 'planted-secret-env-0b7d'].each {
    assert !log.contains(it) : 'a decrypted value appears in build.log'
}
return true
