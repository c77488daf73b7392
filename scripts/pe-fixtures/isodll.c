/*
 * A minimal user-mode DLL for the PE reader's tests, built for x64 (PE32+) and x86 (PE32).
 * It imports from KERNEL32.dll by name, from isohelper.dll by ordinal only, and delay-loads
 * cfgmgr32.dll. It holds a registry path as ASCII and a file path as UTF-16LE.
 */
#include <windows.h>
#include <cfgmgr32.h>

/* Not declared by mingw-w64's cfgmgr32.h. */
CMAPI CONFIGRET WINAPI CM_Register_Notification(PCM_NOTIFY_FILTER filter, PVOID context,
                                                PCM_NOTIFY_CALLBACK callback,
                                                PHCMNOTIFICATION notification);

/* Exported by isohelper.dll under ordinal 7 and no name. */
__declspec(dllimport) int __cdecl HelperByOrdinal(int value);

static const char machineKey[] = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\IsoDll";
static const WCHAR hostsPath[] = L"C:\\Windows\\System32\\drivers\\etc\\hosts";

__declspec(dllexport) DWORD WINAPI IsoDllWatch(HCMNOTIFICATION *notification)
{
    WCHAR interfaces[64];
    CM_NOTIFY_FILTER filter = { 0 };

    filter.cbSize = sizeof filter;
    filter.FilterType = CM_NOTIFY_FILTER_TYPE_DEVICEINTERFACE;
    OutputDebugStringA(machineKey);
    if (GetFileAttributesW(hostsPath) == INVALID_FILE_ATTRIBUTES) return GetLastError();
    if (CM_Get_Device_Interface_ListW(&filter.u.DeviceInterface.ClassGuid, NULL, interfaces, 64, 0) != CR_SUCCESS)
        return (DWORD)HelperByOrdinal(1);
    return CM_Register_Notification(&filter, NULL, NULL, notification);
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
