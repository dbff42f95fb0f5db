"""Texts of the instructor's grading machinery (``course_tools.course.instructor``): the grader, the
sandbox, the answers' exporter and scorer, collecting, releasing, the roster and the results."""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # ---- grade.py
    "h18.grade.regraded": {
        "en": "{student}: the scratch copy of this submission was changed while it was graded (code of "
              "another submission reached it: the isolation is below bubblewrap); it is graded once more, "
              "alone, when the others are done, from the notebooks read before grading began",
        "es": "{student}: la copia de trabajo de esta entrega cambió mientras se calificaba (el código de "
              "otra entrega la alcanzó: el aislamiento es menor que bubblewrap); se califica de nuevo, "
              "sola, cuando terminen las demás, a partir de los cuadernos leídos antes de empezar la "
              "calificación",
    },
    "h18.grade.no_config": {
        "en": "{path} not found: course_dir must be the course folder (the one with nbgrader_config.py)",
        "es": "No se encontró {path}: course_dir debe ser la carpeta del curso (la que contiene "
              "nbgrader_config.py)",
    },
    "h18.grade.unknown_assignment": {
        "en": "unknown assignment {assignment!r}: no folder solutions/{assignment}/ in {course_dir}; "
              "the assignments are {have}",
        "es": "Tarea desconocida {assignment!r}: no hay carpeta solutions/{assignment}/ en {course_dir}; "
              "las tareas son {have}",
    },
    "h18.grade.workers": {
        "en": "workers must be 1 or more (got {workers}); use one per CPU core",
        "es": "workers debe ser 1 o más (se recibió {workers}); use uno por núcleo de CPU",
    },
    "h18.grade.time_limit": {
        "en": "time_limit must be a positive number of seconds (got {time_limit})",
        "es": "time_limit debe ser un número positivo de segundos (se recibió {time_limit})",
    },
    "h18.grade.memory_limit": {
        "en": "memory_limit_mb={memory_limit_mb} is too small for Python with pandas; use 512 or more "
              "(default 1024)",
        "es": "memory_limit_mb={memory_limit_mb} es muy poco para Python con pandas; use 512 o más "
              "(1024 por omisión)",
    },
    "h18.grade.no_fork": {
        "en": "grading needs a system with fork() (Linux, as on the course's hub); on Windows run it in "
              "WSL or on the hub",
        "es": "La calificación necesita un sistema con fork() (Linux, como el hub del curso); en Windows "
              "ejecútela en WSL o en el hub",
    },
    # ---- assignments.py, gradebook.py, release.py, limits.py
    "h18.assignments.unknown": {
        "en": "no assignment {assignment!r} in {folder}: the assignments are {available} (check the "
              "name, or pass --course-dir with the course folder)",
        "es": "No hay una tarea {assignment!r} en {folder}: las tareas son {available} (revise el "
              "nombre, o indique la carpeta del curso con --course-dir)",
    },
    "h18.assignments.none": {"en": "none", "es": "ninguna"},
    "h18.gradebook.not_recorded": {
        "en": "nbgrader did not record {assignment} in {path}",
        "es": "nbgrader no registró {assignment} en {path}",
    },
    "h18.release.leak": {
        "en": "{path} shows solution or hidden-test lines ({leaks}): not released. Run `course build "
              "{assignment}` and check the ### BEGIN/END markers in {src}",
        "es": "{path} muestra líneas de la solución o de las pruebas ocultas ({leaks}): no se publicó. "
              "Ejecute `course build {assignment}` y revise las marcas ### BEGIN/END en {src}",
    },
    "h18.limits.kernel_command": {
        "en": "cannot limit the memory of kernel command {cmd}: the grader expects a Python kernel "
              "started with `python -m ipykernel_launcher` (kernel 'python3')",
        "es": "No se puede limitar la memoria del kernel con la orden {cmd}: el calificador espera un "
              "kernel de Python iniciado con `python -m ipykernel_launcher` (kernel 'python3')",
    },
    # ---- collect.py
    "h18.collect.no_source": {
        "en": "{source} not found: give the folder or .zip of downloaded submissions",
        "es": "No se encontró {source}: indique la carpeta o el .zip de las entregas descargadas",
    },
    "h18.collect.not_zip": {
        "en": "{source} is not a folder or a .zip file",
        "es": "{source} no es una carpeta ni un archivo .zip",
    },
    "h18.collect.no_inbound": {
        "en": "{inbound} not found: give the nbgrader exchange root with --exchange (the folder holding "
              "nichos/inbound), or collect --from a folder or zip",
        "es": "No se encontró {inbound}: indique la raíz del intercambio de nbgrader con --exchange (la "
              "carpeta que contiene nichos/inbound), o recoja con --from desde una carpeta o un zip",
    },
    # ---- roster.py
    "h18.roster.not_found": {
        "en": "roster {path} not found: give a CSV with a column 'id' (and optionally "
              "first_name,last_name,email)",
        "es": "No se encontró la lista {path}: indique un CSV con una columna 'id' (y, si quiere, "
              "first_name,last_name,email)",
    },
    "h18.roster.no_header": {
        "en": "roster {path}: the first line must name the columns, one of them 'id' "
              "(e.g. id,first_name,last_name,email)",
        "es": "Lista {path}: la primera línea debe nombrar las columnas, una de ellas 'id' "
              "(por ejemplo id,first_name,last_name,email)",
    },
    "h18.roster.bad_ids": {
        "en": "roster {path}: ids must be letters, digits, '.', '-', '_' or '@' (no spaces, not "
              "starting with '_'): {bad}",
        "es": "Lista {path}: los id deben tener solo letras, dígitos, '.', '-', '_' o '@' (sin espacios "
              "y sin empezar por '_'): {bad}",
    },
    "h18.roster.twice": {
        "en": "roster {path}: ids listed twice: {dupes}",
        "es": "Lista {path}: id que aparecen dos veces: {dupes}",
    },
    # ---- results.py
    "h18.results.columns": {
        "en": "the grades table lacks columns {missing}: build it with grades_table() (columns {columns})",
        "es": "A la tabla de notas le faltan las columnas {missing}: constrúyala con grades_table() "
              "(columnas {columns})",
    },
    "h18.results.empty": {
        "en": "the grades table is empty: grade some submissions first (course grade exNN)",
        "es": "La tabla de notas está vacía: califique antes algunas entregas (course grade exNN)",
    },
    "h18.results.none_graded": {
        "en": "no graded submissions of {assignment} in {course_dir}: run `course collect {assignment}` "
              "and `course grade {assignment}` first",
        "es": "No hay entregas calificadas de {assignment} en {course_dir}: ejecute antes `course "
              "collect {assignment}` y `course grade {assignment}`",
    },
    "h18.results.leaks": {
        "en": "feedback files showed hidden-test lines and were deleted (check nbgrader_config.py sets "
              "course_tools.course.grading.HideHiddenTests): {leaks}",
        "es": "Los archivos de retroalimentación mostraban líneas de las pruebas ocultas y se borraron "
              "(revise que nbgrader_config.py active course_tools.course.grading.HideHiddenTests): {leaks}",
    },
    "h18.results.no_html": {
        "en": "no HTML feedback for {assignment}: run `course feedback {assignment}` first",
        "es": "No hay retroalimentación HTML de {assignment}: ejecute antes `course feedback {assignment}`",
    },
    "h18.results.no_feedback": {
        "en": "no feedback for {assignment} in {base}: run `course feedback {assignment}`",
        "es": "No hay retroalimentación de {assignment} en {base}: ejecute `course feedback {assignment}`",
    },
    # ---- submissions.py
    "h18.submissions.no_cells": {"en": "no cells", "es": "sin celdas"},
    # ---- sandbox
    "h18.sandbox.exposes": {
        "en": "the sandbox would expose {path}: {bound} contains it; bind a narrower folder (scratch "
              "copies outside the course folder)",
        "es": "El entorno aislado dejaría ver {path}: {bound} lo contiene; monte una carpeta más "
              "acotada (copias de trabajo fuera de la carpeta del curso)",
    },
    "h18.sandbox.no_writable": {
        "en": "writable folders must exist: {folders}",
        "es": "Las carpetas con permiso de escritura deben existir: {folders}",
    },
    "h18.sandbox.root_stays": {
        "en": "{folder} is not reachable by other users (chmod o+x its folders), so the code runs as root",
        "es": "{folder} no es accesible para otros usuarios (chmod o+x en sus carpetas), así que el "
              "código se ejecuta como root",
    },
    "h18.sandbox.bad_level": {
        "en": "{var}={wanted!r}: use auto, {levels}",
        "es": "{var}={wanted!r}: use auto, {levels}",
    },
    "h18.sandbox.level_unavailable": {
        "en": "isolation {level} was asked for but {reason}",
        "es": "Se pidió el aislamiento {level}, pero {reason}",
    },
    "h18.sandbox.required": {
        "en": "{var} is set but {reason}",
        "es": "{var} está definida, pero {reason}",
    },
    "h18.sandbox.none_works": {
        "en": "no isolation level works",
        "es": "Ningún nivel de aislamiento funciona aquí",
    },
    # ---- answers.py
    "h18.answers.too_deep": {
        "en": "answers nested too deep", "es": "respuestas anidadas a demasiada profundidad",
    },
    "h18.answers.not_encoded": {
        "en": "not an encoded answer: {what}", "es": "no es una respuesta codificada: {what}",
    },
    "h18.answers.not_result": {
        "en": "{name} is not a course_tools result", "es": "{name} no es un resultado de course_tools",
    },
    "h18.answers.result_fields": {
        "en": "{name} is not a course_tools result with these fields",
        "es": "{name} no es un resultado de course_tools con estos campos",
    },
    "h18.answers.frame_mismatch": {
        "en": "a DataFrame's columns and data do not match",
        "es": "las columnas y los datos de un DataFrame no coinciden",
    },
    "h18.answers.unknown_type": {
        "en": "unknown answer type {tag!r}", "es": "tipo de respuesta desconocido {tag!r}",
    },
    "h18.answers.dtype_bytes": {
        "en": "dtype {dtype} cannot be read from bytes",
        "es": "el dtype {dtype} no se puede leer a partir de bytes",
    },
    "h18.answers.b64_bad": {
        "en": "numbers in base 64 that do not decode",
        "es": "números en base 64 que no se pueden decodificar",
    },
    "h18.answers.b64_length": {
        "en": "numbers in base 64 of the wrong length",
        "es": "números en base 64 de longitud incorrecta",
    },
    "h18.answers.dtype_bad": {
        "en": "dtype {dtype!r} is not one answers may have",
        "es": "el dtype {dtype!r} no es uno de los que pueden tener las respuestas",
    },
    "h18.answers.number_text": {
        "en": "a number's text is missing or too long",
        "es": "falta el texto de un número o es demasiado largo",
    },
    "h18.answers.list_expected": {
        "en": "a list was expected in the answers", "es": "se esperaba una lista en las respuestas",
    },
    "h18.answers.unhashable": {
        "en": "a dict key of the answers is not hashable",
        "es": "una clave de diccionario de las respuestas no es hashable",
    },
    "h18.answers.no_folder": {
        "en": "no answers were exported to {file} (no answers folder)",
        "es": "no se exportaron respuestas a {file} (no hay carpeta de respuestas)",
    },
    "h18.answers.none_exported": {
        "en": "no answers were exported to {file}", "es": "no se exportaron respuestas a {file}",
    },
    "h18.answers.unreadable": {
        "en": "{file} cannot be read as answers ({why})",
        "es": "{file} no se puede leer como respuestas ({why})",
    },
    "h18.answers.not_regular": {
        "en": "{file} is not a regular file", "es": "{file} no es un archivo normal",
    },
    "h18.answers.too_large": {
        "en": "{file} is larger than {most} bytes", "es": "{file} tiene más de {most} bytes",
    },
    "h18.answers.not_data": {
        "en": "{file} is not answers data{why}", "es": "{file} no contiene datos de respuestas{why}",
    },
    "h18.answers.bad_entry": {
        "en": "{file}: bad entry {name!r}", "es": "{file}: entrada no válida {name!r}",
    },
}
