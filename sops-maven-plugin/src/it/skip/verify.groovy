def log = new File(basedir, 'build.log').text
assert log.contains('Skipping sops:decrypt (sops.skip)')
assert log.contains('Skipping sops:verify (sops.skip)')
assert log.contains('Skipping sops:rotate (sops.skip)')
assert !new File(basedir, 'target/sops').exists()
assert log.contains('sops:updatekeys') : 'the help goal lists the goals'
return true
