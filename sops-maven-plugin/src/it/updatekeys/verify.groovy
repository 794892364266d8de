def before = new File(basedir, 'expected/before.yaml').text
def after = new File(basedir, 'src/main/secrets/app.yaml').text
def sopsIndex = { text -> text.indexOf('\nsops:') }

assert after.substring(0, sopsIndex(after)) == before.substring(0, sopsIndex(before)) : 'values are untouched'
['lastmodified:', 'mac:', 'version:'].each { key ->
    assert after.readLines().find { it.trim().startsWith(key) } == before.readLines().find { it.trim().startsWith(key) }
}
assert after.contains('recipient: age1hfuk3te3tgafdn59stqyusr0udgxluxkxl4h9rk3lvlc95vsffzskt5aev')
assert after.contains('recipient: age1nvz4jc86stgyxuvechrd2ypqa98e4fznf5qwctc7gln3kd5d35aq9uu3fl')

def log = new File(basedir, 'build.log').text
assert log.contains('Updated the keys of src/main/secrets/app.yaml')
assert log.contains('Keys of src/main/secrets/app.yaml already up to date')
assert !log.contains('planted-secret')
return true
