import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file's extended attributes for comparisons (`<sys/xattr.h>` is not in Swift's Glibc module).
public enum ExtendedAttributeReader {
    typealias List = @convention(c) (UnsafePointer<CChar>?, UnsafeMutablePointer<CChar>?, Int) -> Int
    typealias Get = @convention(c) (UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafeMutableRawPointer?, Int) -> Int
    typealias Set = @convention(c) (UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafeRawPointer?, Int, Int32) -> Int32

    static func symbol<T>(_ name: String, as: T.Type) -> T? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: T.self) }
    }

    /// Every attribute of `path` (not following a link).
    public static func read(_ path: String) -> [String: [UInt8]] {
        guard let list = symbol("llistxattr", as: List.self), let get = symbol("lgetxattr", as: Get.self) else { return [:] }
        let size = list(path, nil, 0)
        guard size > 0 else { return [:] }
        var names = [CChar](repeating: 0, count: size)
        guard list(path, &names, size) > 0 else { return [:] }
        var out: [String: [UInt8]] = [:]
        for raw in names.split(separator: 0) {
            let name = String(decoding: raw.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            var value = [UInt8](repeating: 0, count: 4096)
            let n = get(path, name, &value, value.count)
            if n >= 0 { out[name] = Array(value.prefix(n)) }
        }
        return out
    }

    /// Sets an attribute; true on success.
    @discardableResult
    public static func set(_ path: String, _ name: String, _ value: [UInt8]) -> Bool {
        guard let set = symbol("lsetxattr", as: Set.self) else { return false }
        return value.withUnsafeBytes { set(path, name, $0.baseAddress, value.count, 0) } == 0
    }
}
