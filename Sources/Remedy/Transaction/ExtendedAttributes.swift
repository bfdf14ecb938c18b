#if canImport(Glibc)
import Glibc
#endif

/// `flistxattr`, `fgetxattr` and `fsetxattr` from the C library. Swift's Glibc module does not
/// export `<sys/xattr.h>`, so they are looked up by name once; when absent, xattrs are skipped.
/// They work on open descriptors, so the file read is the file whose attributes are kept.
enum ExtendedAttributes {
    typealias List = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int
    typealias Get = @convention(c) (Int32, UnsafePointer<CChar>?, UnsafeMutableRawPointer?, Int) -> Int
    typealias Set = @convention(c) (Int32, UnsafePointer<CChar>?, UnsafeRawPointer?, Int, Int32) -> Int32

    static func symbol<T>(_ name: String, as: T.Type) -> T? {
        guard let pointer = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(pointer, to: T.self)
    }

    /// Every extended attribute of an open file.
    static func read(_ fd: Int32) -> [String: [UInt8]] {
        guard let list = symbol("flistxattr", as: List.self), let get = symbol("fgetxattr", as: Get.self) else { return [:] }
        let size = list(fd, nil, 0)
        guard size > 0 else { return [:] }
        var names = [CChar](repeating: 0, count: size)
        let got = list(fd, &names, size)
        guard got > 0 else { return [:] }
        var result: [String: [UInt8]] = [:]
        for raw in names.prefix(got).split(separator: 0) {
            let name = String(decoding: raw.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let length = get(fd, name, nil, 0)
            guard length >= 0 else { continue }
            var value = [UInt8](repeating: 0, count: max(length, 1))
            let read = length == 0 ? 0 : get(fd, name, &value, length)
            if read >= 0 { result[name] = Array(value.prefix(read)) }
        }
        return result
    }

    /// Sets one attribute on an open file; returns 0 or -1 with errno set.
    static func set(_ fd: Int32, _ name: String, _ value: [UInt8]) -> Int32 {
        guard let set = symbol("fsetxattr", as: Set.self) else { errno = ENOTSUP; return -1 }
        return value.withUnsafeBytes { set(fd, name, $0.baseAddress, value.count, 0) }
    }
}
