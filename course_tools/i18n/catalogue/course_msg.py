"""Messages of the course machinery and of the shared modules: errors, and the lines a notebook or a command shows.

Keys are ``course_msg.<module>.<what>``: ``build``, ``grading``, ``delivery``, ``editions``, ``record``,
``runner``, ``offline`` and ``export`` of :mod:`course_tools.course`; ``paths``, ``errors`` and ``i18n`` of the
package's shared modules; ``common`` for a sentence several of them say. Spanish: usted, as between colleagues.
"""

TEXTS: dict[str, dict[str, str]] = {
    # --- shared --------------------------------------------------------------------------------------
    "course_msg.common.no_notebook": {"en": "{caller}: no notebook at {path}",
                                      "es": "{caller}: no hay ningún cuaderno en {path}"},
    "course_msg.errors.not_a_table": {"en": "{what} must be a pandas DataFrame, not {kind}",
                                      "es": "{what} debe ser un DataFrame de pandas, no {kind}"},
    "course_msg.errors.missing_columns": {"en": "{what} has no column(s) {missing}; its columns are {columns}. {fix}",
                                          "es": "{what} no tiene la(s) columna(s) {missing}; sus columnas son "
                                                "{columns}. {fix}"},
    "course_msg.errors.name_columns": {"en": "Pass the right names as keyword arguments ({names}).",
                                       "es": "Indique los nombres correctos como argumentos con nombre ({names})."},
    "course_msg.i18n.no_text": {"en": "no text {key!r} in the catalogue (course_tools/i18n/catalogue/)",
                                "es": "no hay ningún texto {key!r} en el catálogo (course_tools/i18n/catalogue/)"},
    "course_msg.i18n.no_prefix": {"en": "no text under {prefix!r} in the catalogue (course_tools/i18n/catalogue/)",
                                  "es": "no hay textos bajo {prefix!r} en el catálogo (course_tools/i18n/catalogue/)"},
    "course_msg.paths.and": {"en": " and ", "es": " y "},
    "course_msg.paths.env_not_course": {
        "en": ("${var} is {env!r}, which is not the course folder (it must hold {need}): set {var} to the folder "
               "of the Nichos course, or unset it"),
        "es": ("${var} es {env!r}, que no es la carpeta del curso (debe contener {need}): asigne a {var} la "
               "carpeta del curso Nichos, o elimine esa variable")},
    "course_msg.paths.not_found": {
        "en": ("cannot find the Nichos course folder (the one holding {need}) in {here} or the folders above it. "
               "Run the command from inside the course folder, or set {var}=/path/to/the/course"),
        "es": ("no se encuentra la carpeta del curso Nichos (la que contiene {need}) en {here} ni en las carpetas "
               "superiores. Ejecute el comando desde la carpeta del curso, o defina {var}=/ruta/al/curso")},
    "course_msg.paths.no_attribute": {"en": "module {module!r} has no attribute {name!r}",
                                      "es": "el módulo {module!r} no tiene el atributo {name!r}"},

    # --- build and grading (nbgrader) ----------------------------------------------------------------
    "course_msg.build.unknown_assignments": {
        "en": "no source notebooks for {unknown} in {folder}; the assignments are {available}",
        "es": "no hay cuadernos fuente para {unknown} en {folder}; las tareas son {available}"},
    "course_msg.build.nbgrader_failed": {"en": "`nbgrader {args}` failed (exit {code}):\n{tail}",
                                         "es": "`nbgrader {args}` falló (código de salida {code}):\n{tail}"},
    "course_msg.build.no_config": {"en": "{cfg} not found: the course root must hold nbgrader_config.py",
                                   "es": "no se encuentra {cfg}: la carpeta raíz del curso debe contener "
                                         "nbgrader_config.py"},
    "course_msg.grading.hidden_test_failed": {
        "en": "A hidden test failed: the value is not right yet (hidden tests are shown to instructors only).",
        "es": "Una prueba oculta falló: el valor aún no es correcto (las pruebas ocultas solo las ven los "
              "instructores)."},
    "course_msg.grading.no_submissions": {"en": "give at least one submission: {example}",
                                          "es": "indique al menos una entrega: {example}"},
    "course_msg.grading.bad_student": {"en": "student id {student!r}: use letters, digits and _ only",
                                       "es": "identificador de participante {student!r}: use solo letras, dígitos "
                                             "y _"},
    "course_msg.grading.pass_a_folder": {"en": "{assignment} has {n} notebooks {names}: pass a folder",
                                         "es": "{assignment} tiene {n} cuadernos {names}: indique una carpeta"},
    "course_msg.grading.no_submission": {"en": "submission of {student!r} not found or not a notebook: {src}",
                                         "es": "la entrega de {student!r} no se encuentra o no es un cuaderno: "
                                               "{src}"},

    # --- delivery on a hub ---------------------------------------------------------------------------
    "course_msg.delivery.clone_dir": {"en": "cannot tell the folder name from the repository URL {repo!r}",
                                      "es": "no se puede deducir el nombre de la carpeta de la URL del repositorio "
                                            "{repo!r}"},
    "course_msg.delivery.hub": {"en": "--hub (the JupyterHub address)",
                                "es": "--hub (la dirección del JupyterHub)"},
    "course_msg.delivery.not_http": {
        "en": "{what} must be a web address starting with https:// (or http://), for example {example}; got {url!r}",
        "es": "{what} debe ser una dirección web que empiece con https:// (o http://), por ejemplo {example}; se "
              "recibió {url!r}"},
    "course_msg.delivery.no_repo": {"en": "--repo: give the address of the participants' git repository",
                                    "es": "--repo: indique la dirección del repositorio git de los participantes"},
    "course_msg.delivery.bad_repo": {
        "en": ("--repo must be a git address such as https://github.com/ORG/nichos-participants or a folder on the "
               "hub such as /srv/nichos/participants-repo (what `git clone` accepts); got {repo!r}"),
        "es": ("--repo debe ser una dirección git como https://github.com/ORG/nichos-participants o una carpeta "
               "del hub como /srv/nichos/participants-repo (lo que acepta `git clone`); se recibió {repo!r}")},
    "course_msg.delivery.bad_app": {"en": "app={app!r}: choose 'lab' (JupyterLab) or 'classic' (Notebook 7)",
                                    "es": "app={app!r}: elija 'lab' (JupyterLab) o 'classic' (Notebook 7)"},
    "course_msg.delivery.dotdot": {"en": "--open {path!r}: give a path inside the repository, without '..'",
                                   "es": "--open {path!r}: indique una ruta dentro del repositorio, sin '..'"},
    "course_msg.delivery.has_solutions": {
        "en": ("{repo} contains solutions/ (answers and hidden tests): participants must not get it. Make a "
               "participants' copy with `course participant-copy OUT_DIR`, push it to its own repository and "
               "give that repository to --repo."),
        "es": ("{repo} contiene solutions/ (respuestas y pruebas ocultas): los participantes no deben recibirlo. "
               "Haga una copia para participantes con `course participant-copy OUT_DIR`, súbala (push) a su "
               "propio repositorio e indique ese repositorio en --repo.")},
    "course_msg.delivery.is_course_repo": {
        "en": ("{repo} is the course repository itself, which contains solutions/ (answers and hidden tests). "
               "Make a participants' copy with `course participant-copy OUT_DIR`, push it to its own repository "
               "and give that repository to --repo (instructors who want the full course on their own account "
               "can add --allow-solutions)."),
        "es": ("{repo} es el propio repositorio del curso, que contiene solutions/ (respuestas y pruebas ocultas). "
               "Haga una copia para participantes con `course participant-copy OUT_DIR`, súbala (push) a su "
               "propio repositorio e indique ese repositorio en --repo (los instructores que quieran el curso "
               "completo en su propia cuenta pueden agregar --allow-solutions).")},
    "course_msg.delivery.not_course": {"en": "{root} is not the course repository (no lessons/ or course_tools/)",
                                       "es": "{root} no es el repositorio del curso (no tiene lessons/ ni "
                                             "course_tools/)"},
    "course_msg.delivery.out_inside": {
        "en": "OUT_DIR {out} is inside the course repository; choose a folder outside it, e.g. ../nichos-participants",
        "es": "OUT_DIR {out} está dentro del repositorio del curso; elija una carpeta fuera de él, p. ej. "
              "../nichos-participants"},
    "course_msg.delivery.out_contains": {"en": "OUT_DIR {out} contains the course repository; choose a new folder",
                                         "es": "OUT_DIR {out} contiene el repositorio del curso; elija una carpeta "
                                               "nueva"},
    "course_msg.delivery.out_file": {"en": "OUT_DIR {out} is a file; give a folder",
                                     "es": "OUT_DIR {out} es un archivo; indique una carpeta"},
    "course_msg.delivery.out_not_empty": {
        "en": ("OUT_DIR {out} is not empty and is not a participants' copy (no {marker}); give a new or empty "
               "folder (a clone of the participants' repository is fine)"),
        "es": ("OUT_DIR {out} no está vacía y no es una copia para participantes (no tiene {marker}); indique una "
               "carpeta nueva o vacía (un clon del repositorio de los participantes sirve)")},

    # --- the two editions of the lessons -------------------------------------------------------------
    "course_msg.editions.no_edition": {
        "en": "{english} has no {lang} edition in {folder}/ (a file named {number}_*.ipynb)",
        "es": "{english} no tiene edición '{lang}' en {folder}/ (un archivo llamado {number}_*.ipynb)"},
    "course_msg.editions.orphans": {"en": "{files} have no English lesson with their number",
                                    "es": "{files} no tienen una lección en inglés con su número"},
    "course_msg.editions.no_lang_line": {
        "en": 'the parameters cell has no LANG = "en" line; add one so the edition can set its language',
        "es": 'la celda de parámetros no tiene una línea LANG = "en"; agréguela para que la edición pueda fijar su '
              'idioma'},
    "course_msg.editions.cannot_sync": {
        "en": ("cannot copy the code: the cells of the two editions differ; mirror the English cells in the "
               "edition first:\n  {problems}"),
        "es": ("no se puede copiar el código: las celdas de las dos ediciones difieren; primero replique en la "
               "edición las celdas de la edición en inglés:\n  {problems}")},
    "course_msg.editions.cell": {"en": "{name} cell {i}", "es": "{name} celda {i}"},
    "course_msg.editions.n_cells": {"en": "{name}: {n} cells, the English edition has {n_en}",
                                    "es": "{name}: {n} celdas; la edición en inglés tiene {n_en}"},
    "course_msg.editions.cell_differs": {"en": "{where}: {got}, the English edition has {want}",
                                         "es": "{where}: {got}; la edición en inglés tiene {want}"},
    "course_msg.editions.metadata": {"en": "{name}: notebook metadata differ from the English edition",
                                     "es": "{name}: los metadatos del cuaderno difieren de los de la edición en "
                                           "inglés"},
    "course_msg.editions.problem": {"en": "{where}: {problem}", "es": "{where}: {problem}"},
    "course_msg.editions.code_differs": {"en": "{where}: code differs from the English edition (run: course "
                                               "editions sync)",
                                         "es": "{where}: el código difiere del de la edición en inglés (ejecute: "
                                               "course editions sync)"},
    "course_msg.editions.outputs": {"en": "{where}: saved with outputs",
                                    "es": "{where}: guardada con salidas"},
    "course_msg.editions.not_translated": {"en": "{where}: not translated (same text as the English edition)",
                                           "es": "{where}: sin traducir (el mismo texto que la edición en inglés)"},
    "course_msg.editions.reads_english": {"en": "{where}: reads as English ({ratio:.0%} English function words)",
                                          "es": "{where}: se lee como inglés ({ratio:.0%} de palabras funcionales "
                                                "del inglés)"},

    # --- record() and running a notebook -------------------------------------------------------------
    "course_msg.record.value": {"en": "value", "es": "el valor"},
    "course_msg.record.value_of": {"en": "record({name!r}) value", "es": "el valor de record({name!r})"},
    "course_msg.record.infinite": {
        "en": ("{where} is {x}: JSON has no infinity. Record a finite number, or explain the case in the notebook "
               "and record a string such as 'infinite'."),
        "es": ("{where} es {x}: JSON no admite infinitos. Registre un número finito, o explique el caso en el "
               "cuaderno y registre un texto como 'infinite'.")},
    "course_msg.record.duplicated_columns": {"en": "{where}: the DataFrame has duplicated column names {cols}",
                                             "es": "{where}: el DataFrame tiene nombres de columna repetidos {cols}"},
    "course_msg.record.duplicated_labels": {
        "en": ("{where}: the Series index has duplicated labels, so it cannot become a dict; record value.tolist() "
               "or value.reset_index() instead"),
        "es": ("{where}: el índice de la Series tiene etiquetas repetidas, así que no puede convertirse en un dict; "
               "registre value.tolist() o value.reset_index() en su lugar")},
    "course_msg.record.mixed_set": {"en": "{where} is a set of mixed types; record a sorted list instead",
                                    "es": "{where} es un conjunto de tipos mezclados; registre una lista ordenada "
                                          "en su lugar"},
    "course_msg.record.bad_key": {"en": "{where} has a dict key {key!r} of type {kind}; use strings or numbers as keys",
                                  "es": "{where} tiene una clave de dict {key!r} de tipo {kind}; use textos o "
                                        "números como claves"},
    "course_msg.record.cannot_record": {
        "en": ("{where} is a {kind}, which cannot be recorded. Record a number, a string, a list, a dict or a "
               "pandas Series/DataFrame (e.g. convert with float(x), str(x) or x.tolist())."),
        "es": ("{where} es un {kind}, que no se puede registrar. Registre un número, un texto, una lista, un dict "
               "o una Series/DataFrame de pandas (p. ej. convierta con float(x), str(x) o x.tolist()).")},
    "course_msg.record.bad_name": {
        "en": ("record(name, value): the name must be a string of letters, digits, '_', '.' or '-' starting with a "
               "letter, e.g. record('top_product', code); got {name!r}"),
        "es": ("record(name, value): el nombre debe ser un texto de letras, dígitos, '_', '.' o '-' que empiece "
               "con una letra, p. ej. record('top_product', code); se recibió {name!r}")},
    "course_msg.record.recorded": {"en": "recorded {name} = {value}",
                                   "es": "registrado {name} = {value}"},
    "course_msg.record.not_a_notebook": {
        "en": "read_records expects a notebook path or an nbformat node, got {kind}",
        "es": "read_records espera la ruta de un cuaderno o un nodo de nbformat; se recibió {kind}"},
    "course_msg.runner.no_parameters_cell": {
        "en": ("{name} has no cell tagged 'parameters', so {names} cannot be set. In JupyterLab select the cell "
               "that defines COUNTRY, open the property inspector (gear icon) and add the tag 'parameters'."),
        "es": ("{name} no tiene ninguna celda con la etiqueta 'parameters', así que {names} no se puede(n) fijar. "
               "En JupyterLab seleccione la celda que define COUNTRY, abra el inspector de propiedades (ícono del "
               "engranaje) y agregue la etiqueta 'parameters'.")},
    "course_msg.runner.unknown_parameters": {
        "en": ("{name}: parameter(s) {unknown} are not defined in its 'parameters' cell, which defines {defined}; "
               "check the spelling."),
        "es": ("{name}: el/los parámetro(s) {unknown} no están definidos en su celda 'parameters', que define "
               "{defined}; revise cómo están escritos.")},
    "course_msg.runner.failed": {
        "en": ("{name} with parameters {parameters} failed in {cell}, the cell that starts `{first}`: {ename}: "
               "{evalue}{where}\n--- cell source ---\n{source}"),
        "es": ("{name} con los parámetros {parameters} falló en {cell}, la celda que empieza con `{first}`: "
               "{ename}: {evalue}{where}\n--- código de la celda ---\n{source}")},
    "course_msg.runner.cell": {"en": "cell {number} of {total}", "es": "la celda {number} de {total}"},
    "course_msg.runner.a_cell": {"en": "a cell", "es": "una celda"},
    "course_msg.runner.saved_at": {"en": "\nthe executed notebook is saved at {path}",
                                   "es": "\nel cuaderno ejecutado quedó guardado en {path}"},
    "course_msg.offline.blocked": {
        "en": ("Nichos lessons run offline; this notebook tried to connect to {host}:{port}. Use the shipped data "
               "in datasets/ (course_tools.data) instead of downloading, or run the notebook yourself outside the "
               "course tests if you really need the internet."),
        "es": ("Las lecciones de Nichos se ejecutan sin conexión; este cuaderno intentó conectarse a {host}:{port}. "
               "Use los datos incluidos en datasets/ (course_tools.data) en lugar de descargarlos, o ejecute el "
               "cuaderno por su cuenta, fuera de las pruebas del curso, si de verdad necesita internet.")},

    # --- export to one offline page ------------------------------------------------------------------
    "course_msg.export.cannot_convert": {"en": "cannot convert the formula {tex!r} to MathML: {err}",
                                         "es": "no se puede convertir la fórmula {tex!r} a MathML: {err}"},
    "course_msg.export.not_ipynb": {"en": "export_html: {path} is not a notebook (.ipynb)",
                                    "es": "export_html: {path} no es un cuaderno (.ipynb)"},
    "course_msg.export.not_a_notebook": {
        "en": ("export_html: 'notebook' must be the path of an .ipynb file or a notebook read with "
               "nbformat.read(...); got {kind}"),
        "es": ("export_html: 'notebook' debe ser la ruta de un archivo .ipynb o un cuaderno leído con "
               "nbformat.read(...); se recibió {kind}")},
    "course_msg.export.not_html": {"en": "export_html: the output {output} should end in .html",
                                   "es": "export_html: el archivo de salida {output} debe terminar en .html"},
    "course_msg.export.not_offline": {
        "en": ("the exported page would load {n} file(s) from the internet, so it would not work offline:\n  "
               "{shown}\nSave such images or files next to the notebook and refer to them by a relative path "
               "(e.g. ![map](figures/map.png))."),
        "es": ("la página exportada cargaría {n} archivo(s) de internet, así que no funcionaría sin conexión:\n  "
               "{shown}\nGuarde esas imágenes o archivos junto al cuaderno y refiérase a ellos con una ruta "
               "relativa (p. ej. ![mapa](figures/mapa.png)).")},
}
