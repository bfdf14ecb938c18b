/// Produces random and mutated variants of seed inputs for robustness tests: byte flips,
/// insertions of the characters parsers care about, truncation, splicing and pure noise.
public struct InputMutator {
    private var random: SeededGenerator
    private let seeds: [[UInt8]]
    private static let interesting: [UInt8] = Array(":\"# \t\r\n\\/.*=[]()<;".utf8) + [0x00, 0x7F, 0x80, 0xC3, 0xE9, 0xFF]

    /// Creates a mutator over `seeds` with a fixed `seed` for the random choices.
    public init(seeds: [String], seed: UInt64) {
        self.seeds = seeds.map { Array($0.utf8) }
        random = SeededGenerator(seed: seed)
    }

    /// The next input.
    public mutating func next() -> [UInt8] {
        let strategy = Int.random(in: 0..<10, using: &random)
        if strategy == 0 { return (0..<Int.random(in: 0..<300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) } }
        var bytes = seeds.randomElement(using: &random) ?? []
        for _ in 0..<Int.random(in: 1...8, using: &random) { mutate(&bytes) }
        return bytes
    }

    private mutating func mutate(_ bytes: inout [UInt8]) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
        switch Int.random(in: 0..<6, using: &random) {
        case 0 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
        case 1:
            bytes.insert(Self.interesting.randomElement(using: &random)!, at: position)
        case 2:
            bytes.removeSubrange(position...)
        case 3 where !bytes.isEmpty:
            let start = Int.random(in: 0..<bytes.count, using: &random)
            let end = min(bytes.count, start + Int.random(in: 1...40, using: &random))
            bytes.insert(contentsOf: bytes[start..<end], at: position)
        case 4:
            let other = seeds.randomElement(using: &random) ?? []
            bytes.insert(contentsOf: other.prefix(Int.random(in: 0...64, using: &random)), at: position)
        default:
            bytes.insert(contentsOf: repeatElement(UInt8(ascii: "x"), count: Int.random(in: 0...5000, using: &random)), at: position)
        }
    }
}
