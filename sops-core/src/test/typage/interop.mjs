// The typage side of the hybrid post-quantum age interop tests.
// Reads one JSON request on standard input, writes one JSON answer on standard output:
//   {"op":"generate"}                                  -> {"identity","recipient"}
//   {"op":"recipient","identity"}                      -> {"recipient"}
//   {"op":"decrypt","identity","armored"}              -> {"plaintext": hex}
//   {"op":"encrypt","recipient","plaintext": hex}      -> {"armored"}
import * as age from "age-encryption"

const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const request = JSON.parse(Buffer.concat(chunks).toString("utf8"))

let answer
switch (request.op) {
case "generate": {
    const identity = await age.generateHybridIdentity()
    answer = { identity, recipient: await age.identityToRecipient(identity) }
    break
}
case "recipient":
    answer = { recipient: await age.identityToRecipient(request.identity) }
    break
case "decrypt": {
    const decrypter = new age.Decrypter()
    decrypter.addIdentity(request.identity)
    const plaintext = await decrypter.decrypt(age.armor.decode(request.armored))
    answer = { plaintext: Buffer.from(plaintext).toString("hex") }
    break
}
case "encrypt": {
    const encrypter = new age.Encrypter()
    encrypter.addRecipient(request.recipient)
    const file = await encrypter.encrypt(new Uint8Array(Buffer.from(request.plaintext, "hex")))
    answer = { armored: age.armor.encode(file) }
    break
}
default:
    throw new Error("unknown op " + request.op)
}
process.stdout.write(JSON.stringify(answer))
