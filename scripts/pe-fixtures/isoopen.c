/*
 * A user-mode DLL for the isolation rules' tests that talks to its driver the legacy way: it opens
 * the fixed name \\.\IsoDrv with CreateFileW and never enumerates device interfaces, logs to a
 * file in the root of %ProgramData%, and looks up its state with GetServiceDirectory (Windows 10
 * 2004 and later).
 */
#include <windows.h>

/* Not declared by mingw-w64's headers. */
DWORD WINAPI GetServiceDirectory(SERVICE_STATUS_HANDLE service, DWORD type, PWCHAR path,
                                 DWORD length, DWORD *needed);

static const WCHAR devicePath[] = L"\\\\.\\IsoDrv";
static const WCHAR logFile[] = L"%ProgramData%\\isoopen.log";

__declspec(dllexport) DWORD WINAPI IsoOpenSend(SERVICE_STATUS_HANDLE service)
{
    WCHAR expanded[MAX_PATH], state[MAX_PATH];
    DWORD needed;
    HANDLE device;

    if (GetServiceDirectory(service, 0, state, MAX_PATH, &needed) != ERROR_SUCCESS) return GetLastError();
    if (!ExpandEnvironmentStringsW(logFile, expanded, MAX_PATH)) return GetLastError();
    device = CreateFileW(devicePath, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    if (device == INVALID_HANDLE_VALUE) return GetLastError();
    CloseHandle(device);
    return ERROR_SUCCESS;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
