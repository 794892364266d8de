def secrets = new File(basedir, 'src/main/secrets')
def expected = { name -> new File(basedir, "expected/$name").text }

def inPlace = new File(secrets, 'inplace/app.yaml').text
assert inPlace.contains('password: ENC[AES256_GCM,')
assert inPlace.contains('token: ENC[AES256_GCM,')
assert inPlace.contains('user: orders') : 'encrypted_regex of the creation rule applies'
assert inPlace.contains('recipient: age1hfuk3te3tgafdn59stqyusr0udgxluxkxl4h9rk3lvlc95vsffzskt5aev')
assert !inPlace.contains('planted-secret')
assert new File(basedir, 'target/sops/inplace/app.yaml').text == expected('app.yaml')

assert new File(secrets, 'already/app.yaml').text == expected('already-app.yaml') : 'an encrypted file is not encrypted again'
assert new File(basedir, 'target/sops/already/app.yaml').text == expected('app.yaml')

assert new File(secrets, 'sibling/service.env').text == expected('service.env') : 'the plaintext stays with a suffix'
def sibling = new File(secrets, 'sibling/service.sops.env').text
assert sibling.contains('sops_mac=ENC[AES256_GCM,')
assert !sibling.contains('planted-secret')
assert new File(basedir, 'target/sops/sibling/service.sops.env').text == expected('service.env')

def explicit = new File(secrets, 'explicit/db.json').text
assert explicit.contains('"recipient": "age1nvz4jc86stgyxuvechrd2ypqa98e4fznf5qwctc7gln3kd5d35aq9uu3fl"')
assert !explicit.contains('age1hfuk3te3tgafdn59stqyusr0udgxluxkxl4h9rk3lvlc95vsffzskt5aev')
assert !explicit.contains('planted-secret')

def log = new File(basedir, 'build.log').text
assert log.contains('sops:encrypt: 1 file(s) encrypted, 1 already encrypted or up to date')
['planted-secret-yaml-7f3a', 'planted-secret-token-91c2', 'planted-secret-json-5d1e', 'planted-secret-env-0b7d'].each {
    assert !log.contains(it) : 'a decrypted value appears in build.log'
}
return true
