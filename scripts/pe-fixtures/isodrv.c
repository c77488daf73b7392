/*
 * A minimal WDM kernel driver (native subsystem) for the PE reader's tests.
 * It imports IoCreateSymbolicLink, ZwSetValueKey and IoOpenDriverRegistryKey from ntoskrnl.exe
 * and holds an absolute registry path as UTF-16LE and an absolute file path as ASCII.
 */
#include <ntddk.h>

/* Windows 10 1803 and later; newer than mingw-w64's DDK headers and libntoskrnl.a. */
NTSTATUS NTAPI IoOpenDriverRegistryKey(PDRIVER_OBJECT DriverObject, ULONG RegKeyType,
                                       ACCESS_MASK DesiredAccess, ULONG Flags, PHANDLE DriverRegKey);

#define DRIVER_REGKEY_PERSISTENT_STATE 1

static const WCHAR serviceKey[] = L"\\Registry\\Machine\\SYSTEM\\CurrentControlSet\\Services\\isodrv";
static const char imagePath[] = "\\SystemRoot\\System32\\drivers\\isodrv.sys";

NTSTATUS DriverEntry(PDRIVER_OBJECT driver, PUNICODE_STRING registryPath)
{
    UNICODE_STRING link, device, valueName;
    HANDLE key;
    NTSTATUS status;

    (void)registryPath;
    RtlInitUnicodeString(&link, L"\\DosDevices\\IsoDrv");
    RtlInitUnicodeString(&device, L"\\Device\\IsoDrv");
    status = IoCreateSymbolicLink(&link, &device);
    if (!NT_SUCCESS(status)) return status;

    status = IoOpenDriverRegistryKey(driver, DRIVER_REGKEY_PERSISTENT_STATE, KEY_WRITE, 0, &key);
    if (!NT_SUCCESS(status)) return status;
    RtlInitUnicodeString(&valueName, serviceKey);
    status = ZwSetValueKey(key, &valueName, 0, REG_SZ, (PVOID)imagePath, sizeof imagePath);
    ZwClose(key);
    return status;
}
