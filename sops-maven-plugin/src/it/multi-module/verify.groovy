assert new File(basedir, 'module-a/target/sops/app.yaml').text.contains('password: planted-secret-yaml-7f3a')
assert new File(basedir, 'module-b/target/sops/nested/service.env').text.contains('SERVICE_PASSWORD=planted-secret-env-0b7d')
assert !new File(basedir, 'target/sops').exists()

def log = new File(basedir, 'build.log').text
assert log.count('sops:verify: 1 file(s) encrypted, 1 MAC(s) checked') == 2
assert log.count('sops:decrypt: 1 file(s) decrypted to target/sops, 0 up to date') == 2
assert !log.contains('planted-secret')
assert !log.contains('[WARNING] *****************************************************************') : 'no thread-safety warning'
return true
