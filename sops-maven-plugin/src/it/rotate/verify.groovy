def before = new File(basedir, 'expected/before.yaml').text
def after = new File(basedir, 'src/main/secrets/app.yaml').text
def line = { text, key -> text.readLines().find { it.trim().startsWith(key) } }
def part = { value, name -> (value =~ /$name:([^,\]]*)/)[0][1] }

assert after != before
assert line(after, 'password:') != line(before, 'password:') : 'values are encrypted with the new data key'
assert part(line(after, 'password:'), 'iv') == part(line(before, 'password:'), 'iv') : 'rotation keeps the IVs, as sops does'
assert line(after, 'mac:') != line(before, 'mac:')
assert after.substring(after.indexOf('-----BEGIN AGE')) != before.substring(before.indexOf('-----BEGIN AGE'))
assert new File(basedir, 'target/sops/app.yaml').text == new File(basedir, 'expected/app.yaml').text

def log = new File(basedir, 'build.log').text
assert log.contains('Rotated the data key of src/main/secrets/app.yaml')
assert !log.contains('planted-secret')
return true
