import ArgumentParser
import Remedy

/// Every remedy's words: the catalog's names first, in catalog order, then the former words.
enum RemedyWordsList {
    static let all: [any RemedyWords.Type] = [
        RenameHostnameWords.self, EditGreetingWords.self, WhitelistSenderWords.self, RemoveDomainTracesWords.self,
        SetGreetingWords.self, RemoveGreetingWords.self, WhitelistWords.self, RemoveDomainWords.self,
    ]
}
