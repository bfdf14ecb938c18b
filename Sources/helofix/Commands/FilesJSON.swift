import ArgumentParser
import Foundation
import MailServer

/// The JSON document of `helofix files --format json` (docs/fleet.md): read by the playbook.
enum FilesJSON {
    static func write(_ platforms: [Platform], to w: inout JSONWriter) {
        w.object { w in
            w.key("platforms"); w.array { w in
                for platform in platforms {
                    w.object { w in
                        w.key("files"); w.array { w in
                            for f in FileCatalog.files(for: platform) {
                                w.object { w in
                                    w.field("path", f.path); w.field("pattern", f.pattern); w.field("suffix", f.suffix)
                                    w.field("use", f.use.rawValue); w.field("why", f.why)
                                }
                            }
                        }
                        if let log = FileCatalog.log(for: platform) {
                            w.key("log"); w.object { w in
                                w.key("markers"); w.array { w in for m in log.markers { w.string(m) } }
                                w.field("path", log.path)
                                w.key("rotations"); w.array { w in for r in log.rotations { w.string(r) } }
                            }
                        }
                        w.field("platform", platform.rawValue)
                    }
                }
            }
            w.field("version", 1)
        }
        w.flush()
    }
}
