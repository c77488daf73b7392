/*
 * A user-mode DLL for the isolation rules' tests that lists its driver's device interfaces once,
 * with CM_Get_Device_Interface_ListW, and never registers for arrivals; it still keeps the fixed
 * name \\.\IsoDrv as a fallback, and logs under a company folder of %ProgramData%.
 */
#include <windows.h>
#include <cfgmgr32.h>

static const GUID interfaceClass = { 0x5a1c3e4b, 0x2f7d, 0x4c1e, { 0x9a, 0x51, 0x0b, 0x6e, 0x3d, 0x2c, 0x71, 0x88 } };
static const WCHAR fallbackPath[] = L"\\\\.\\IsoDrv";
static const WCHAR logFile[] = L"%ProgramData%\\Contoso\\isoenum.log";

__declspec(dllexport) DWORD WINAPI IsoEnumOpen(void)
{
    WCHAR interfaces[512], expanded[MAX_PATH];
    const WCHAR *path = fallbackPath;
    HANDLE device;

    if (CM_Get_Device_Interface_ListW((LPGUID)&interfaceClass, NULL, interfaces, 512,
                                      CM_GET_DEVICE_INTERFACE_LIST_PRESENT) == CR_SUCCESS && interfaces[0])
        path = interfaces;
    if (!ExpandEnvironmentStringsW(logFile, expanded, MAX_PATH)) return GetLastError();
    device = CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    if (device == INVALID_HANDLE_VALUE) return GetLastError();
    CloseHandle(device);
    return ERROR_SUCCESS;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
