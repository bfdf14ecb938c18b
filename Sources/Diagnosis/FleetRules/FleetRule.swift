import MailServer

/// One cross-server rule.
protocol FleetRule: Sendable {
    func findings(in context: FleetContext) -> [FleetFinding]
}
