@echo off
rem retro-gate: the Retro Gate command-line tool. Runs lib\retro-gate.jar with the JVM of %JAVA_HOME%,
rem else the first java on the PATH (Java 17 or newer); %JAVA_OPTS% are passed to it.
setlocal
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
rem A short-lived tool: the first JIT tier only, no shared performance counters. The JVM's default
rem collector (G1 on two or more cores, whose archived module graph spares building it at every start);
rem one chosen in %JAVA_OPTS% is then the only one.
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:-UsePerfData %JAVA_OPTS% -jar "%APP_HOME%\lib\retro-gate.jar" %*
exit /b %ERRORLEVEL%
