def log = new File(basedir, 'build.log').text
assert log.contains('sops:decrypt failed: src/main/secrets/app.yaml: Failed to get the data key required to decrypt the SOPS file')
assert log.contains('[WARNING] sops:decrypt skipped src/main/secrets/app.yaml: no available key decrypts its data key')
assert log.contains('1 skipped without a key')
assert !new File(basedir, 'target/sops/app.yaml').exists()
['planted-secret-yaml-7f3a', 'planted-secret-token-91c2', 'planted-secret-json-5d1e', 'planted-secret-env-0b7d'].each {
    assert !log.contains(it) : 'a decrypted value appears in build.log'
}
return true
