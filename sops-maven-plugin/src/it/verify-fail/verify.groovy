def log = new File(basedir, 'build.log').text
assert log.contains('sops:verify failed: 3 of 4 file(s) are not properly encrypted:')
assert log.contains('config/leak.sops.json: not encrypted (no valid sops metadata)')
assert log.contains('src/main/secrets/tampered.yaml: MAC mismatch')
assert log.contains('src/main/secrets/other-recipient.env: not encrypted for the required recipient(s) age1hfuk3te3tgafdn59stqyusr0udgxluxkxl4h9rk3lvlc95vsffzskt5aev')
assert !log.contains('good.env:')
['planted-secret-yaml-7f3a', 'planted-secret-token-91c2', 'planted-secret-json-5d1e', 'planted-secret-env-0b7d'].each {
    assert !log.contains(it) : 'a decrypted value appears in build.log'
}
return true
