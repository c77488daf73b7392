/*
 * An isolated WDM kernel driver for the isolation rules' tests: it registers a device interface
 * and watches for interfaces instead of naming devices, opens its state through
 * IoOpenDriverRegistryKey, reads settings with RtlQueryRegistryValueWithFallback (Windows 10
 * 1809 and later), and keeps its data file under a company folder of \DriverData.
 */
#include <ntddk.h>

/* Newer than mingw-w64's DDK headers and libntoskrnl.a. */
NTSTATUS NTAPI IoOpenDriverRegistryKey(PDRIVER_OBJECT DriverObject, ULONG RegKeyType,
                                       ACCESS_MASK DesiredAccess, ULONG Flags, PHANDLE DriverRegKey);
NTSTATUS NTAPI RtlQueryRegistryValueWithFallback(HANDLE PrimaryHandle, HANDLE FallbackHandle,
                                                 PUNICODE_STRING ValueName, ULONG ValueLength,
                                                 PULONG ValueType, PVOID ValueData, PULONG ResultLength);

#define DRIVER_REGKEY_PARAMETERS 0
#define DRIVER_REGKEY_PERSISTENT_STATE 1

static const GUID interfaceClass = { 0x5a1c3e4b, 0x2f7d, 0x4c1e, { 0x9a, 0x51, 0x0b, 0x6e, 0x3d, 0x2c, 0x71, 0x88 } };
static const WCHAR dataFile[] = L"\\DriverData\\Contoso\\isoclean.dat";

static NTSTATUS NTAPI InterfaceArrived(PVOID notification, PVOID context)
{
    (void)notification; (void)context;
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT driver, PUNICODE_STRING registryPath)
{
    UNICODE_STRING link, valueName, fileName;
    HANDLE parameters, state;
    PDEVICE_OBJECT device;
    PVOID entry;
    PWSTR existing;
    ULONG value = 0, type, length;
    NTSTATUS status;

    (void)registryPath;
    status = IoCreateDevice(driver, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE, &device);
    if (!NT_SUCCESS(status)) return status;
    status = IoRegisterDeviceInterface(device, &interfaceClass, NULL, &link);
    if (!NT_SUCCESS(status)) return status;
    status = IoGetDeviceInterfaces(&interfaceClass, NULL, 0, &existing);
    if (NT_SUCCESS(status)) ExFreePool(existing);
    status = IoRegisterPlugPlayNotification(EventCategoryDeviceInterfaceChange,
                                            PNPNOTIFY_DEVICE_INTERFACE_INCLUDE_EXISTING_INTERFACES,
                                            (PVOID)&interfaceClass, driver,
                                            (PDRIVER_NOTIFICATION_CALLBACK_ROUTINE)InterfaceArrived, NULL, &entry);
    if (!NT_SUCCESS(status)) return status;

    status = IoOpenDriverRegistryKey(driver, DRIVER_REGKEY_PARAMETERS, KEY_READ, 0, &parameters);
    if (!NT_SUCCESS(status)) return status;
    status = IoOpenDriverRegistryKey(driver, DRIVER_REGKEY_PERSISTENT_STATE, KEY_ALL_ACCESS, 0, &state);
    if (NT_SUCCESS(status)) {
        RtlInitUnicodeString(&valueName, L"Mode");
        RtlQueryRegistryValueWithFallback(state, parameters, &valueName, sizeof value, &type, &value, &length);
        ZwSetValueKey(state, &valueName, 0, REG_DWORD, &value, sizeof value);
        ZwClose(state);
    }
    ZwClose(parameters);
    RtlInitUnicodeString(&fileName, dataFile);
    return status;
}
