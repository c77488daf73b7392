/// Service names InfVerif reserves (code 1293). InfVerif's list is not published: it reserves the
/// names of Microsoft's sample drivers so that code built from a sample is renamed.
public enum ReservedServiceNames {
    /// Names reported as reserved in published InfVerif output (lowercased).
    public static let published: Set<String> = [
        "echo", "dynambus", "statbus", "bthechosamplesrv", "bthechosamplecli",
    ]

    /// Other service names Microsoft's driver samples add (lowercased): the best public stand-in for
    /// the rest of the list, which can both over- and under-report.
    public static let samples: Set<String> = [
        "audiocodec", "avscamera", "avshws", "avscan", "avssamp", "cancelsafe", "cdo", "change", "ctx", "cxwmbclass",
        "ddproxy", "defect_toastmon", "delete", "echo_2", "fakemdm", "firefly", "fmm", "genpci", "hidusbfx2", "inspect",
        "kbfiltr", "kdodsamp", "kmdf_enumswitches", "lsi_u3", "minispy", "moufiltr", "msforwardext", "msnmntr",
        "mspassthroughext", "muxmp", "muxmp_nc", "muxp", "muxp_nc", "namechanger", "ndislwf", "ndisprot60", "ndisprot630",
        "netvadapter", "netvmini60", "netvmini620", "netvmini630", "netvmini680", "nullfilter", "osrfx2_dchu_usersvc",
        "osrusbfx2", "passthrough", "pci9x5x", "plclient", "plpolicy", "prmfuncsample", "rtlwlans", "sampleacpipep",
        "sampledsm", "scanner", "scm488c", "sdcavcodec", "sdcavdsp", "sdcavxu", "sdhc", "serialbuswdk", "simbatt",
        "simdevice", "simgpio", "simgpio_i2c", "simpleaudiosample", "simrep", "simsensor", "simtc",
        "singlecomponentfstatesvc", "skeletoni2c", "spbtesttool", "swapbuffers", "sysvad_componentizedaudiosample",
        "toaster", "toasterfilter", "treeminiportsample", "treeosservicesample", "ucmcxucsi", "ucmtcpcicxclientsample",
        "ucmucsiacpisample", "ufxclientsample", "usbsamp", "vhidmini", "wdffeatured", "wdfmulticomp", "wdfsimple",
        "wdftoastmon", "wificxsampleclientkm", "wmisamp", "wfpsamplercalloutdriver",
    ]
}
