import ArgumentParser
import Diagnosis
import Foundation
import MailServer

/// `explain --format json`: one object, keys in alphabetical order.
enum ExplanationJSON {
    static func write(_ e: LineExplanation, setting: String?) {
        emit(greeting: e.name, impersonation: true, ip: e.ip, platform: e.platform, rule: e.rule.rawValue,
             setting: setting, side: e.side, stage: e.stage)
    }

    static func write(_ o: OtherHeloRejection, settingShown: Bool) {
        emit(greeting: o.greeting, impersonation: false, ip: o.ip, platform: o.platform, rule: o.rule,
             setting: settingShown ? o.setting : nil, side: o.side, stage: o.stage)
    }

    /// The one layout both kinds of answer share; `setting` is left out when `nil` (no `--root`).
    private static func emit(greeting: String?, impersonation: Bool, ip: IPAddress?, platform: String, rule: String,
                             setting: String?, side: RejectionSide, stage: SMTPStage) {
        var w = JSONWriter(fd: 1)
        w.object { w in
            w.field("greeting", greeting)
            w.field("impersonation", impersonation)
            w.field("ip", ip?.description)
            w.field("platform", platform)
            w.field("rule", rule)
            if let setting { w.field("setting", setting) }
            w.field("side", side.rawValue)
            w.field("stage", stage.rawValue)
        }
        w.flush()
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
