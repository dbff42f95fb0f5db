"""What the instructor commands print (``course release | collect | grade | feedback | grades | dashboard``).

Spanish: usted, as between colleagues; command names, options, file names and nbgrader's own terms stay as typed.
"""

TEXTS: dict[str, dict[str, str]] = {
    "cli_instructor.no_config": {
        "en": ("{course} has no nbgrader_config.py: --course-dir must be the course folder (the one with solutions/ "
               "and nbgrader_config.py)"),
        "es": ("{course} no tiene nbgrader_config.py: --course-dir debe ser la carpeta del curso (la que contiene "
               "solutions/ y nbgrader_config.py)")},
    # course release
    "cli_instructor.released_zip": {
        "en": "released {assignment} as {out} (notebooks checked: no solution, no hidden test)",
        "es": "{assignment} publicado como {out} (cuadernos verificados: sin soluciones ni pruebas ocultas)"},
    "cli_instructor.released_exchange": {
        "en": "released {assignment} to the nbgrader exchange: {out}",
        "es": "{assignment} publicado en el exchange de nbgrader: {out}"},
    # course collect
    "cli_instructor.no_submissions_found": {"en": "no submissions of {assignment} found",
                                            "es": "no se encontraron entregas de {assignment}"},
    "cli_instructor.h_student": {"en": "student", "es": "participante"},
    "cli_instructor.h_file_found": {"en": "file found", "es": "archivo encontrado"},
    "cli_instructor.h_matched_as": {"en": "matched as", "es": "asignado como"},
    "cli_instructor.h_status": {"en": "status", "es": "estado"},
    "cli_instructor.h_students": {"en": "students", "es": "participantes"},
    "cli_instructor.h_assignment": {"en": "assignment", "es": "tarea"},
    "cli_instructor.h_score": {"en": "score", "es": "puntaje"},
    "cli_instructor.collected": {
        "en": "\n{students} student(s) collected for {assignment}; {files} file(s), none dropped.",
        "es": "\n{students} participante(s) recogido(s) para {assignment}; {files} archivo(s), ninguno descartado."},
    "cli_instructor.kept_aside": {
        "en": ("{n} file(s) kept in submitted/_unmatched/{assignment}/: move each into "
               "submitted/<student>/{assignment}/ by hand, or add the student to --roster and collect again."),
        "es": ("{n} archivo(s) guardado(s) en submitted/_unmatched/{assignment}/: mueva cada uno a "
               "submitted/<participante>/{assignment}/ a mano, o agregue al participante a --roster y vuelva a "
               "recoger.")},
    # course grade
    "cli_instructor.nothing_to_grade": {
        "en": "no submissions in {folder}/<student>/{assignment}/: run `course collect {assignment}` first",
        "es": ("no hay entregas en {folder}/<participante>/{assignment}/: ejecute primero "
               "`course collect {assignment}`")},
    "cli_instructor.limits_positive": {
        "en": "--workers, --time-limit and --memory-limit must be positive",
        "es": "--workers, --time-limit y --memory-limit deben ser positivos"},
    "cli_instructor.graded": {
        "en": "\n{n} submission(s) of {assignment} graded; mean score {mean:.2f} / {top:g}",
        "es": "\n{n} entrega(s) de {assignment} calificada(s); puntaje medio {mean:.2f} / {top:g}"},
    "cli_instructor.problem": {"en": "  {student}: {status} — {message}", "es": "  {student}: {status} — {message}"},
    # course feedback
    "cli_instructor.feedback_written": {
        "en": ("feedback for {n} student(s) in {folder}/<student>/{assignment}/ ({n_html} HTML page(s), a "
               "GRADING.txt each; no hidden test shown)"),
        "es": ("retroalimentación de {n} participante(s) en {folder}/<participante>/{assignment}/ ({n_html} "
               "página(s) HTML y un GRADING.txt cada uno; no se muestra ninguna prueba oculta)")},
    "cli_instructor.feedback_released": {
        "en": ("released {n} student(s)' feedback to the nbgrader exchange: participants click 'Fetch Feedback'"),
        "es": ("retroalimentación de {n} participante(s) publicada en el exchange de nbgrader: los participantes "
               "hacen clic en 'Fetch Feedback'")},
    "cli_instructor.feedback_outside": {
        "en": ("{n} submission(s) did not come through the exchange (no submission_secret.txt), send those by "
               "--zip: {students}"),
        "es": ("{n} entrega(s) no llegaron por el exchange (sin submission_secret.txt); envíelas con --zip: "
               "{students}")},
    "cli_instructor.feedback_zip": {"en": "wrote {out} (one folder per student, for the LMS or e-mail)",
                                    "es": ("se escribió {out} (una carpeta por participante, para la plataforma "
                                           "del curso (LMS) o el correo)")},
    # course grades | dashboard
    "cli_instructor.grades_csv": {"en": "wrote {out}: {rows} rows (student x question), {students} students",
                                  "es": ("se escribió {out}: {rows} filas (participante x pregunta), {students} "
                                         "participantes")},
    "cli_instructor.dashboard": {"en": "wrote {out}: open it in a browser (works offline)",
                                 "es": "se escribió {out}: ábralo en un navegador (funciona sin conexión)"},

    # --- help --------------------------------------------------------------------------------------------------
    "cli_instructor.help_course_dir": {
        "en": ("the course folder with nbgrader_config.py (default: $NICHOS_COURSE_DIR if set, else the course "
               "folder: $NICHOS_ROOT, the one course_tools is installed from, or the one you are in)"),
        "es": ("la carpeta del curso con nbgrader_config.py (por defecto: $NICHOS_COURSE_DIR si está definida; si "
               "no, la carpeta del curso: $NICHOS_ROOT, aquella desde la que se instaló course_tools o la carpeta "
               "actual)")},
    "cli_instructor.help_assignment": {"en": "the exercise, e.g. ex03", "es": "el ejercicio, p. ej. ex03"},
    "cli_instructor.help_no_progress": {"en": "no progress bar", "es": "sin barra de progreso"},
    "cli_instructor.help_release": {
        "en": "release an exercise to participants (nbgrader exchange or a zip)",
        "es": "publica un ejercicio para los participantes (exchange de nbgrader o un zip)"},
    "cli_instructor.help_release_description": {
        "en": ("Release exercises/exNN (rebuilt from solutions/ if older) after checking that no solution\n"
               "or hidden test is in it: to the nbgrader exchange of a JupyterHub (default), or as a zip\n"
               "with a bilingual HOW-TO-SUBMIT.txt for an LMS or e-mail workshop (--zip)."),
        "es": ("Publica exercises/exNN (regenerado desde solutions/ si es más antiguo) tras verificar que no\n"
               "contiene soluciones ni pruebas ocultas: en el exchange de nbgrader de un JupyterHub (por defecto),\n"
               "o como zip con un HOW-TO-SUBMIT.txt bilingüe para un taller por LMS o correo (--zip).")},
    "cli_instructor.help_release_zip": {"en": "write a zip instead (default OUT: output/release/exNN.zip)",
                                        "es": "escribe un zip en su lugar (OUT por defecto: output/release/exNN.zip)"},
    "cli_instructor.help_exchange_root": {
        "en": "nbgrader exchange root (default: nbgrader's, /srv/nbgrader/exchange)",
        "es": "raíz del exchange de nbgrader (por defecto: la de nbgrader, /srv/nbgrader/exchange)"},
    "cli_instructor.help_collect": {
        "en": "collect submissions (exchange, or a folder/zip downloaded from an LMS)",
        "es": "recoge las entregas (exchange, o una carpeta o zip descargado de un LMS)"},
    "cli_instructor.help_collect_description": {
        "en": ("Copy submissions into submitted/<student>/exNN/ (the originals are only read).\n"
               "Understood names: nbgrader's LMS convention <anything>_<student>_attempt_<time>_<file>.ipynb,\n"
               "a tree <student>/<file>.ipynb, and <student>_<file>.ipynb. Misnamed notebooks\n"
               "('ex03 (1).ipynb', 'Copy of ex03.ipynb', 'ex03-maria.ipynb') are matched to the exercise's\n"
               "notebook and, with --roster, to a student. Files that match no student are kept in\n"
               "submitted/_unmatched/exNN/ and listed: nothing is dropped."),
        "es": ("Copia las entregas en submitted/<participante>/exNN/ (los originales solo se leen).\n"
               "Nombres reconocidos: la convención LMS de nbgrader\n"
               "<algo>_<participante>_attempt_<hora>_<archivo>.ipynb, un árbol <participante>/<archivo>.ipynb\n"
               "y <participante>_<archivo>.ipynb. Los cuadernos mal nombrados ('ex03 (1).ipynb',\n"
               "'Copia de ex03.ipynb', 'ex03-maria.ipynb') se asignan al cuaderno del ejercicio y, con --roster,\n"
               "a un participante. Los archivos que no corresponden a ningún participante se guardan en\n"
               "submitted/_unmatched/exNN/ y se listan: no se descarta nada.")},
    "cli_instructor.help_collect_from": {
        "en": "a folder or .zip of downloaded submissions (default: the nbgrader exchange)",
        "es": "una carpeta o un .zip de entregas descargadas (por defecto: el exchange de nbgrader)"},
    "cli_instructor.help_roster": {
        "en": "students.csv with columns id[,first_name,last_name,email]; its students are added to the gradebook",
        "es": ("students.csv con las columnas id[,first_name,last_name,email]; sus participantes se agregan al libro "
               "de calificaciones")},
    "cli_instructor.help_regexp": {
        "en": ("your own file-name pattern (Python regex with groups (?P<student_id>...) and (?P<file_id>...)), as "
               "nbgrader zip_collect's named_regexp"),
        "es": ("su propio patrón de nombres de archivo (expresión regular de Python con los grupos "
               "(?P<student_id>...) y (?P<file_id>...)), como named_regexp de zip_collect de nbgrader")},
    "cli_instructor.help_collect_exchange": {"en": "nbgrader exchange root when collecting from it",
                                             "es": "raíz del exchange de nbgrader cuando se recoge de él"},
    "cli_instructor.help_grade": {
        "en": "autograde collected submissions in parallel, with time and memory limits",
        "es": "califica las entregas recogidas en paralelo, con límites de tiempo y memoria"},
    "cli_instructor.help_grade_description": {
        "en": ("Autograde every submitted/<student>/exNN/ in parallel. Each submission runs isolated (its\n"
               "own sandbox: it sees and writes only its scratch folder, no network, no process outlives\n"
               "it) with a time limit and a memory limit, and its answers are scored outside it; a broken\n"
               "or hostile notebook gets an outcome and a message, never stops the batch. Grades go to\n"
               "gradebook.db as with nbgrader autograde. Exit status 0 even when some submissions fail\n"
               "(see the summary, and its isolation line)."),
        "es": ("Califica automáticamente cada submitted/<participante>/exNN/ en paralelo. Cada entrega se ejecuta\n"
               "aislada (su propio entorno: solo ve y escribe su carpeta temporal, sin red, y ningún proceso le\n"
               "sobrevive) con un límite de tiempo y de memoria, y sus respuestas se puntúan fuera de él; un\n"
               "cuaderno dañado u hostil recibe un resultado y un mensaje, nunca detiene el lote. Las notas van a\n"
               "gradebook.db como con nbgrader autograde. Estado de salida 0 aunque fallen algunas entregas\n"
               "(vea el resumen y su línea de aislamiento).")},
    "cli_instructor.help_workers": {"en": "parallel graders (default 2)",
                                    "es": "calificadores en paralelo (por defecto 2)"},
    "cli_instructor.help_time_limit": {"en": "seconds per submission (default 300)",
                                       "es": "segundos por entrega (por defecto 300)"},
    "cli_instructor.help_memory_limit": {"en": "memory per submission in MB (default 1024)",
                                         "es": "memoria por entrega en MB (por defecto 1024)"},
    "cli_instructor.help_students": {"en": "grade only these students",
                                     "es": "califica solo a estos participantes"},
    "cli_instructor.help_feedback": {
        "en": "write each participant's feedback (HTML without hidden tests + message)",
        "es": "escribe la retroalimentación de cada participante (HTML sin pruebas ocultas + mensaje)"},
    "cli_instructor.help_feedback_description": {
        "en": ("nbgrader generate_feedback into feedback/<student>/exNN/ (hidden tests removed), plus\n"
               "GRADING.txt with each student's score and what happened when grading. Optionally release\n"
               "it to the exchange (--to-exchange) or zip it per student for the LMS / e-mail (--zip)."),
        "es": ("nbgrader generate_feedback en feedback/<participante>/exNN/ (sin las pruebas ocultas), más un\n"
               "GRADING.txt con el puntaje de cada participante y lo que ocurrió al calificar. Opcionalmente la\n"
               "publica en el exchange (--to-exchange) o la comprime por participante para el LMS o el correo\n"
               "(--zip).")},
    "cli_instructor.help_to_exchange": {"en": "nbgrader release_feedback to the exchange",
                                        "es": "nbgrader release_feedback al exchange"},
    "cli_instructor.help_exchange": {"en": "nbgrader exchange root", "es": "raíz del exchange de nbgrader"},
    "cli_instructor.help_feedback_zip": {"en": "also write a zip with one folder per student",
                                         "es": "escribe además un zip con una carpeta por participante"},
    "cli_instructor.help_assignments": {"en": "exercises (default: all)", "es": "ejercicios (por defecto: todos)"},
    "cli_instructor.help_table_roster": {"en": "students.csv: list its students even if missing",
                                         "es": "students.csv: lista a sus participantes aunque no hayan entregado"},
    "cli_instructor.help_grades": {
        "en": "the grades table: one row per student x question (CSV for Excel/Stata)",
        "es": "la tabla de notas: una fila por participante x pregunta (CSV para Excel/Stata)"},
    "cli_instructor.help_grades_description": {
        "en": ("Scores from gradebook.db (with any manual grade), status and message from the grading\n"
               "log. Students without a submission appear with status 'missing' and score 0."),
        "es": ("Puntajes de gradebook.db (con las notas manuales, si las hay), estado y mensaje del registro\n"
               "de calificación. Los participantes sin entrega aparecen con estado 'missing' y puntaje 0.")},
    "cli_instructor.help_grades_csv": {"en": "write the table to this CSV file (UTF-8)",
                                       "es": "escribe la tabla en este archivo CSV (UTF-8)"},
    "cli_instructor.help_dashboard": {
        "en": "a page of success rate per question and per student (offline HTML)",
        "es": "una página con la tasa de acierto por pregunta y por participante (HTML sin conexión)"},
    "cli_instructor.help_dashboard_description": {
        "en": ("Plotly figure: share of full marks and mean score/max per question, and a heatmap\n"
               "student x question, written as one HTML file with plotly.js inside (no internet needed)."),
        "es": ("Figura de Plotly: proporción de puntaje completo y puntaje medio/máximo por pregunta, y un mapa de\n"
               "calor participante x pregunta, escrita como un archivo HTML con plotly.js incluido (sin internet).")},
    "cli_instructor.help_dashboard_output": {
        "en": "output file (default: output/dashboard.html in the course folder)",
        "es": "archivo de salida (por defecto: output/dashboard.html en la carpeta del curso)"},
    "cli_instructor.help_dashboard_lang": {"en": "language of the titles", "es": "idioma de los títulos"},
}
