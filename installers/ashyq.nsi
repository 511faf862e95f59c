; Windows installer of the Ashyq console (NSIS 3, Unicode).
;
;   makensis -DVERSION=0.1.0 installers\ashyq.nsi      (after pyinstaller built dist\ashyq)
;
; Defines: VERSION (required, x.y.z), SOURCE_DIR (the PyInstaller folder, default ..\dist\ashyq),
; OUTFILE (default ..\dist\ashyq-console-VERSION-setup.exe), FAST (no compression: the build
; script's compile check on Linux, where only the script's correctness is at stake).
;
; What it does, and why:
; - Per-machine install into Program Files (64-bit), for every account of the PC: a door PC
;   often has a shared "door" account that must not be able to change the program.
; - The venue's data is NOT in the program folder: the console keeps it per Windows account in
;   %LOCALAPPDATA%\Ashyq (console.sqlite3, logs\, settings.json; app/paths.py), or in ASHYQ_HOME
;   if IT sets that variable machine-wide. The installer never writes there, except:
; - Upgrade in place: before the program files are replaced, each account's console.sqlite3
;   (and its -wal file, which holds the newest writes) is copied to
;   console.sqlite3.bak-<previous version>. The new console migrates the database itself on its
;   first start (Alembic), so a cashier who logs in later is migrated then, with a backup.
; - Uninstall keeps the data unless the "remove the venue's data" box (or /REMOVEDATA) is set.
;
; Silent use (documented for IT in the README):
;   setup.exe /S [/AUTOSTART] [/NODESKTOP] [/D=C:\Program Files\Ashyq]    (/D= must come last)
;   "C:\Program Files\Ashyq\uninstall.exe" /S [/REMOVEDATA]
; Exit codes: 0 done, 1 cancelled, 2 aborted by a script error, 5 the console was still running
; (silent mode does not wait for it: close it, or log the user off, and run again).

Unicode true
ManifestDPIAware true
RequestExecutionLevel admin

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "Sections.nsh"
!include "x64.nsh"

!ifndef VERSION
  !error "Pass -DVERSION=x.y.z (installers/build.py does)."
!endif
!ifndef SOURCE_DIR
  !define SOURCE_DIR "..\dist\ashyq"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\ashyq-console-${VERSION}-setup.exe"
!endif

; A missing program is a build error here, not an installer that installs nothing.
!if /FileExists "${SOURCE_DIR}\ashyq-console.exe"
!else
  !error "${SOURCE_DIR}\ashyq-console.exe is missing: build the frozen app first."
!endif
!if /FileExists "${SOURCE_DIR}\ashyq.exe"
!else
  !error "${SOURCE_DIR}\ashyq.exe is missing: build the frozen app first."
!endif
!if /FileExists "${SOURCE_DIR}\ashyq-central.exe"
!else
  !error "${SOURCE_DIR}\ashyq-central.exe is missing: build the frozen app first."
!endif

!define PRODUCT "Ashyq"
!define PUBLISHER "Ashyq"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\AshyqConsole"
!define APP_KEY "Software\Ashyq\Console"
!define PROFILES_KEY "SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList"
!define ENV_KEY "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"
!define DATA_SUBDIR "AppData\Local\Ashyq"
!define DB_FILE "console.sqlite3"
!define DESKTOP_LNK "Ashyq.lnk"
!define STARTUP_LNK "Ashyq door.lnk"
!define EXIT_CONSOLE_RUNNING 5

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\Ashyq"
InstallDirRegKey HKLM "${APP_KEY}" "InstallDir"
BrandingText "Ashyq ${VERSION}"
!ifdef FAST
  SetCompress off
!else
  SetCompressor /SOLID lzma
  SetCompressorDictSize 64
!endif

Var PrevVersion

; --- pages ------------------------------------------------------------------------------------

!define MUI_ICON "assets\ashyq.ico"
!define MUI_UNICON "assets\ashyq.ico"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!define MUI_COMPONENTSPAGE_SMALLDESC
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_REGISTRY_ROOT "HKLM"
!define MUI_LANGDLL_REGISTRY_KEY "${APP_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; Kazakh first: the language list shows them in this order. NSIS 3.08 ships no Kazakh, so its
; strings are ours (installers/nsis/Kazakh.nlf and .nsh); any MUI string missing there is English.
!insertmacro MUI_LANGUAGEEX "nsis" "Kazakh"  ; relative to this script: makensis works from its folder
!insertmacro MUI_LANGUAGE "Russian"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

; --- texts ------------------------------------------------------------------------------------

LangString SecConsole ${LANG_KAZAKH} "Ashyq консолі"
LangString SecConsole ${LANG_RUSSIAN} "Консоль Ashyq"
LangString SecConsole ${LANG_ENGLISH} "Ashyq console"
LangString SecConsoleDesc ${LANG_KAZAKH} "Есік, касса және есептер консолі, ashyq командасы және орталық сервер. Бұрынғы нұсқаның дерекқорының сақтық көшірмесі жасалады."
LangString SecConsoleDesc ${LANG_RUSSIAN} "Консоль для входа, кассы и отчётов, команда ashyq и центральный сервер. База данных прежней версии сохраняется в резервную копию."
LangString SecConsoleDesc ${LANG_ENGLISH} "The door, box office and reports console, the ashyq command and the central server. The previous version's database is backed up."
LangString SecDesktop ${LANG_KAZAKH} "Жұмыс үстеліндегі белгіше"
LangString SecDesktop ${LANG_RUSSIAN} "Ярлык на рабочем столе"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString SecDesktopDesc ${LANG_KAZAKH} "Барлық пайдаланушылардың жұмыс үстеліне консоль белгішесі."
LangString SecDesktopDesc ${LANG_RUSSIAN} "Ярлык консоли на рабочем столе всех пользователей."
LangString SecDesktopDesc ${LANG_ENGLISH} "A console shortcut on every user's desktop."
LangString SecAutostart ${LANG_KAZAKH} "Жүйеге кіргенде есік режимінде толық экранда іске қосу"
LangString SecAutostart ${LANG_RUSSIAN} "Запускать при входе в систему в режиме входа на весь экран"
LangString SecAutostart ${LANG_ENGLISH} "Start at logon in full-screen door mode"
LangString SecAutostartDesc ${LANG_KAZAKH} "Есіктегі компьютерлер үшін: кез келген пайдаланушы жүйеге кіргенде консоль толық экранда ашылады."
LangString SecAutostartDesc ${LANG_RUSSIAN} "Для компьютеров на входе: консоль открывается на весь экран при входе любого пользователя."
LangString SecAutostartDesc ${LANG_ENGLISH} "For door PCs: the console opens full screen when any user logs on."
LangString SecUnProgram ${LANG_KAZAKH} "Бағдарлама"
LangString SecUnProgram ${LANG_RUSSIAN} "Программа"
LangString SecUnProgram ${LANG_ENGLISH} "Program"
LangString SecUnData ${LANG_KAZAKH} "Орынның дерекқорын, журналдарын және баптауларын жою"
LangString SecUnData ${LANG_RUSSIAN} "Удалить базу данных, журналы и настройки площадки"
LangString SecUnData ${LANG_ENGLISH} "Remove the venue's database, logs and settings"
LangString SecUnDataDesc ${LANG_KAZAKH} "Әр пайдаланушының %LOCALAPPDATA%\Ashyq қалтасы жойылады. Орталық серверге жіберілмеген кіру жазбалары жоғалады."
LangString SecUnDataDesc ${LANG_RUSSIAN} "Удаляется папка %LOCALAPPDATA%\Ashyq каждого пользователя. Записи о входах, не отправленные на центральный сервер, будут потеряны."
LangString SecUnDataDesc ${LANG_ENGLISH} "Deletes every user's %LOCALAPPDATA%\Ashyq folder. Visits not yet sent to the central server are lost."
LangString LnkConsole ${LANG_KAZAKH} "Ashyq консолі"
LangString LnkConsole ${LANG_RUSSIAN} "Консоль Ashyq"
LangString LnkConsole ${LANG_ENGLISH} "Ashyq console"
LangString LnkDoor ${LANG_KAZAKH} "Ashyq консолі (есік, толық экран)"
LangString LnkDoor ${LANG_RUSSIAN} "Консоль Ashyq (вход, весь экран)"
LangString LnkDoor ${LANG_ENGLISH} "Ashyq console (door, full screen)"
LangString LnkUninstall ${LANG_KAZAKH} "Ashyq жою"
LangString LnkUninstall ${LANG_RUSSIAN} "Удалить Ashyq"
LangString LnkUninstall ${LANG_ENGLISH} "Uninstall Ashyq"
LangString MsgRunning ${LANG_KAZAKH} "Ashyq консолі әлі жұмыс істеп тұр ($0). Оны жауып, «Қайталау» батырмасын басыңыз."
LangString MsgRunning ${LANG_RUSSIAN} "Консоль Ashyq ещё работает ($0). Закройте её и нажмите «Повтор»."
LangString MsgRunning ${LANG_ENGLISH} "The Ashyq console is still running ($0). Close it and click Retry."
LangString MsgNeeds64 ${LANG_KAZAKH} "Ashyq консолі 64 биттік Windows 10 немесе одан жаңа нұсқасын қажет етеді."
LangString MsgNeeds64 ${LANG_RUSSIAN} "Для консоли Ashyq нужна 64-битная Windows 10 или новее."
LangString MsgNeeds64 ${LANG_ENGLISH} "The Ashyq console needs 64-bit Windows 10 or later."
LangString MsgBackup ${LANG_KAZAKH} "Дерекқордың сақтық көшірмесі:"
LangString MsgBackup ${LANG_RUSSIAN} "Резервная копия базы данных:"
LangString MsgBackup ${LANG_ENGLISH} "Database backed up to:"

; --- version resource of setup.exe ------------------------------------------------------------

VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "Ashyq console"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "Ashyq console installer"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "${PUBLISHER}"

; --- shared helpers ---------------------------------------------------------------------------

; Fails (after asking, or at once when silent) while one of our programs holds its .exe open:
; a running executable cannot be opened for writing, so this needs no process-list plugin.
!macro REQUIRE_CLOSED UN
Function ${UN}RequireClosed
  Exch $0
  ${If} ${FileExists} "$INSTDIR\$0"
    retry:
      ClearErrors
      FileOpen $1 "$INSTDIR\$0" a
      ${If} ${Errors}
        ${If} ${Silent}
          SetErrorLevel ${EXIT_CONSOLE_RUNNING}
          Quit
        ${EndIf}
        MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(MsgRunning)" IDRETRY retry
        SetErrorLevel ${EXIT_CONSOLE_RUNNING}
        Quit
      ${EndIf}
      FileClose $1
  ${EndIf}
  Pop $0
FunctionEnd
!macroend
!insertmacro REQUIRE_CLOSED ""
!insertmacro REQUIRE_CLOSED "un."

!macro CLOSED_OR_QUIT UN EXE
  Push "${EXE}"
  Call ${UN}RequireClosed
!macroend

; Calls FUNC once per data folder: every Windows account's %LOCALAPPDATA%\Ashyq (read from the
; profile list, since an elevated installer's own $LOCALAPPDATA is the administrator's), then
; a machine-wide ASHYQ_HOME. FUNC receives the folder in $R9 and must preserve $R0-$R8.
!macro FOR_EACH_DATA_DIR UN FUNC
  Push $R0
  Push $R1
  Push $R9
  StrCpy $R0 0
  ${Do}
    EnumRegKey $R1 HKLM "${PROFILES_KEY}" $R0
    ${IfThen} $R1 == "" ${|} ${ExitDo} ${|}
    IntOp $R0 $R0 + 1
    ReadRegStr $R9 HKLM "${PROFILES_KEY}\$R1" "ProfileImagePath"
    ExpandEnvStrings $R9 $R9
    ${If} $R9 != ""
    ${AndIf} ${FileExists} "$R9\${DATA_SUBDIR}\*.*"
      StrCpy $R9 "$R9\${DATA_SUBDIR}"
      Call ${UN}${FUNC}
    ${EndIf}
  ${Loop}
  ReadRegStr $R9 HKLM "${ENV_KEY}" "ASHYQ_HOME"
  ${If} $R9 != ""
    Call ${UN}${FUNC}
  ${EndIf}
  Pop $R9
  Pop $R1
  Pop $R0
!macroend

; --- install ----------------------------------------------------------------------------------

Function BackupDatabase
  ; $R9 = a data folder. One backup per previous version: running the same installer twice
  ; must not overwrite the copy made before the first upgrade.
  ${If} ${FileExists} "$R9\${DB_FILE}"
  ${AndIfNot} ${FileExists} "$R9\${DB_FILE}.bak-$PrevVersion"
    CopyFiles /SILENT "$R9\${DB_FILE}" "$R9\${DB_FILE}.bak-$PrevVersion"
    ${If} ${FileExists} "$R9\${DB_FILE}-wal"
      CopyFiles /SILENT "$R9\${DB_FILE}-wal" "$R9\${DB_FILE}.bak-$PrevVersion-wal"
    ${EndIf}
    DetailPrint "$(MsgBackup) $R9\${DB_FILE}.bak-$PrevVersion"
  ${EndIf}
FunctionEnd

Section "!$(SecConsole)" SecConsole
  SectionIn RO
  SetShellVarContext all
  !insertmacro CLOSED_OR_QUIT "" "ashyq-console.exe"
  !insertmacro CLOSED_OR_QUIT "" "ashyq.exe"
  !insertmacro CLOSED_OR_QUIT "" "ashyq-central.exe"
  ${If} $PrevVersion != ""
    !insertmacro FOR_EACH_DATA_DIR "" BackupDatabase
  ${EndIf}

  SetOutPath "$INSTDIR"
  ; The previous version's libraries go first: a module removed in this version must not
  ; linger and be imported by mistake.
  RMDir /r "$INSTDIR\_internal"
  File /r "${SOURCE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\Ashyq"
  CreateShortcut "$SMPROGRAMS\Ashyq\$(LnkConsole).lnk" "$INSTDIR\ashyq-console.exe"
  CreateShortcut "$SMPROGRAMS\Ashyq\$(LnkDoor).lnk" "$INSTDIR\ashyq-console.exe" "--fullscreen"
  CreateShortcut "$SMPROGRAMS\Ashyq\$(LnkUninstall).lnk" "$INSTDIR\uninstall.exe"

  WriteRegStr HKLM "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${APP_KEY}" "Version" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "Ashyq console"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\ashyq-console.exe,0"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SecDesktop)" SecDesktop
  SetShellVarContext all
  CreateShortcut "$DESKTOP\${DESKTOP_LNK}" "$INSTDIR\ashyq-console.exe"
SectionEnd

Section /o "$(SecAutostart)" SecAutostart
  SetShellVarContext all
  CreateShortcut "$SMSTARTUP\${STARTUP_LNK}" "$INSTDIR\ashyq-console.exe" "--fullscreen"
SectionEnd

Section "-ForgetUnselected"
  ; An upgrade that turns an option off removes what the previous install made for it.
  SetShellVarContext all
  ${IfNot} ${SectionIsSelected} ${SecDesktop}
    Delete "$DESKTOP\${DESKTOP_LNK}"
  ${EndIf}
  ${IfNot} ${SectionIsSelected} ${SecAutostart}
    Delete "$SMSTARTUP\${STARTUP_LNK}"
  ${EndIf}
SectionEnd

; Functions that name sections come after them: NSIS defines a section's index there.
Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "$(MsgNeeds64)" /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
  SetRegView 64
  !insertmacro MUI_LANGDLL_DISPLAY
  ReadRegStr $PrevVersion HKLM "${UNINST_KEY}" "DisplayVersion"
  ; An upgrade keeps the previous choices: door autostart on if it was, desktop icon off if
  ; someone removed it.
  SetShellVarContext all
  ${If} ${FileExists} "$SMSTARTUP\${STARTUP_LNK}"
    !insertmacro SelectSection ${SecAutostart}
  ${EndIf}
  ${If} $PrevVersion != ""
  ${AndIfNot} ${FileExists} "$DESKTOP\${DESKTOP_LNK}"
    !insertmacro UnselectSection ${SecDesktop}
  ${EndIf}
  ; Command-line component selection for silent installs.
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/AUTOSTART" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecAutostart}
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/NODESKTOP" $R1
  ${IfNot} ${Errors}
    !insertmacro UnselectSection ${SecDesktop}
  ${EndIf}
FunctionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecConsole} "$(SecConsoleDesc)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(SecDesktopDesc)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecAutostart} "$(SecAutostartDesc)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; --- uninstall --------------------------------------------------------------------------------

Function un.RemoveData
  ; $R9 = a data folder. A per-account folder is ours alone and goes whole; a machine-wide
  ; ASHYQ_HOME may be any folder IT chose, so only the console's own files are taken from it.
  Delete "$R9\${DB_FILE}"
  Delete "$R9\${DB_FILE}-wal"
  Delete "$R9\${DB_FILE}-shm"
  Delete "$R9\${DB_FILE}.bak-*"
  Delete "$R9\settings.json"
  RMDir /r "$R9\logs"
  RMDir "$R9"
  DetailPrint "$R9"
FunctionEnd

Section "un.$(SecUnProgram)" SecUnProgram
  SectionIn RO
  SetShellVarContext all
  !insertmacro CLOSED_OR_QUIT "un." "ashyq-console.exe"
  !insertmacro CLOSED_OR_QUIT "un." "ashyq.exe"
  !insertmacro CLOSED_OR_QUIT "un." "ashyq-central.exe"
  RMDir /r "$SMPROGRAMS\Ashyq"
  Delete "$DESKTOP\${DESKTOP_LNK}"
  Delete "$SMSTARTUP\${STARTUP_LNK}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\ashyq-console.exe"
  Delete "$INSTDIR\ashyq.exe"
  Delete "$INSTDIR\ashyq-central.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "${APP_KEY}"
  DeleteRegKey /ifempty HKLM "Software\Ashyq"
SectionEnd

Section /o "un.$(SecUnData)" SecUnData
  !insertmacro FOR_EACH_DATA_DIR "un." RemoveData
SectionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MUI_UNGETLANGUAGE
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/REMOVEDATA" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecUnData}
  ${EndIf}
FunctionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecUnData} "$(SecUnDataDesc)"
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
