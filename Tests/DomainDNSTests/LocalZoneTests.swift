@testable import DomainDNS
import Testing

struct LocalZoneTests {
    @Test func apexMXAndSPFOfAPanelZone() {
        let text = """
            $TTL 14400
            shop.example.com.\t86400\tIN\tSOA\tns1.example.net.\thostmaster.shop.example.com.\t( 2024050101 3600 1800 1209600 86400 )
            shop.example.com.\tIN\tMX\t0\tshop.example.com.
            @ IN MX 10 mail ; a relative name
            \tIN\tTXT\t"v=spf1 +a +mx" " ~all"
            www IN MX 5 other.example.
            """
        let zone = LocalZone.parse(text, domain: "shop.example.com", file: "/var/named/shop.example.com.db")
        #expect(zone.mx == ["shop.example.com", "mail.shop.example.com"])
        #expect(zone.spf == "v=spf1 +a +mx ~all")
    }
}
