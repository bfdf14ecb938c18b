/// A group of ``ServerFile`` values declared as stored properties; listing them by reflection
/// means a file added to a group is listed without touching any list.
protocol ServerFileGroup: Sendable {}

extension ServerFileGroup {
    /// Every ``ServerFile`` (and every element of a `[ServerFile]`) held by this group, in declaration order.
    var all: [ServerFile] {
        Mirror(reflecting: self).children.flatMap { child -> [ServerFile] in
            if let file = child.value as? ServerFile { return [file] }
            if let files = child.value as? [ServerFile] { return files }
            return []
        }
    }
}
