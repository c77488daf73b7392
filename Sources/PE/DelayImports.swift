extension ImportReader {
    private static let delayDescriptorSize = 32

    /// The libraries of the delay-load import directory, read up to the first descriptor without a name.
    ///
    /// Descriptors whose attributes have bit 0 set hold RVAs (the current form); the old form of
    /// Visual C++ 6 holds virtual addresses, in the descriptor and in its name table, and those are
    /// converted through the image base.
    mutating func readDelayImports(_ directory: DataDirectory) throws(PEError) -> [ImportedLibrary] {
        guard directory.virtualAddress != 0 else { return [] }
        var libraries: [ImportedLibrary] = []
        var seen = Set<UInt64>()
        for index in 0...max(0, limits.maxImportLibraries) {
            let rva = UInt64(directory.virtualAddress) + UInt64(index * Self.delayDescriptorSize)
            guard let (entry, offset) = try descriptor(
                at: rva, size: Self.delayDescriptorSize, first: index == 0, table: .delayImportDirectory)
            else { break }
            let usesRVAs = entry.u32(0) & 1 != 0
            let nameField = entry.u32(4)
            let nameTableField = entry.u32(16)
            guard nameField != 0, let offset else { break }
            guard index < limits.maxImportLibraries else {
                log.add(.limitReached(.importLibraries, limit: limits.maxImportLibraries), at: offset)
                break
            }
            guard seen.insert(UInt64(nameField) << 32 | UInt64(nameTableField)).inserted else {
                log.add(.loop(.delayImportDescriptor), at: offset)
                break
            }
            guard let nameRVA = address(UInt64(nameField), isVA: !usesRVAs) else {
                log.add(.unmappedAddress(.libraryName, address: UInt64(nameField)), at: offset)
                continue
            }
            guard let name = try name(at: nameRVA, what: .libraryName, owner: offset) else { continue }
            var functions: [ImportedFunction] = []
            if let table = address(UInt64(nameTableField), isVA: !usesRVAs), nameTableField != 0 {
                functions = try nameTable(
                    at: table, what: .delayImportNameTable, addressesAreVAs: !usesRVAs, owner: offset)
            } else {
                log.add(.unmappedAddress(.delayImportNameTable, address: UInt64(nameTableField)), at: offset)
            }
            libraries.append(ImportedLibrary(name: name, functions: functions, descriptorOffset: offset))
        }
        return libraries
    }
}
