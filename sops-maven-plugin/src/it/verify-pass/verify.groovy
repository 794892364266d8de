def log = new File(basedir, 'build.log').text
assert log.contains('sops:verify: 3 file(s) encrypted, 3 MAC(s) checked')
['planted-secret-yaml-7f3a', 'planted-secret-token-91c2', 'planted-secret-json-5d1e', 'planted-secret-env-0b7d'].each {
    assert !log.contains(it) : 'a decrypted value appears in build.log'
}
return true
