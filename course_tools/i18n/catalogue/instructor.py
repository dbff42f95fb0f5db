"""Texts of the instructor commands: the dashboard of grades, what the grading engine tells each participant
(``instructor.grade.*``: shown as "English / español" in GRADING.txt and the feedback), and what it tells the
instructor about the isolation of the learners' code (``instructor.isolation.*``, ``instructor.scoring.*``)."""

TEXTS: dict[str, dict[str, str]] = {
    "instructor.dashboard.title": {"en": "What to re-teach: success per question and per student",
                                   "es": "Qué volver a enseñar: éxito por pregunta y por participante"},
    "instructor.dashboard.full": {"en": "share of full marks",
                                  "es": "proporción con puntaje completo"},
    "instructor.dashboard.mean": {"en": "mean score / max",
                                  "es": "puntaje medio / máximo"},
    "instructor.dashboard.question": {"en": "question",
                                      "es": "pregunta"},
    "instructor.dashboard.student": {"en": "student",
                                     "es": "participante"},
    "instructor.dashboard.rate": {"en": "success rate",
                                  "es": "tasa de éxito"},
    "instructor.dashboard.heat": {"en": "score / max",
                                  "es": "puntaje / máximo"},
    "instructor.grade.graded": {"en": "Your notebook was graded automatically: {score} of {max_score} points.",
                                "es": 'Su cuaderno fue calificado automáticamente: {score} de {max_score} puntos.'},
    "instructor.grade.timeout_cell": {"en": ("A cell ran longer than {cell_timeout} seconds and was stopped (a "
                                             "loop that never ends?); the other cells were graded: {score} of "
                                             "{max_score} points; fix that cell and submit again."),
                                      "es": ("Una celda tardó más de {cell_timeout} segundos y se detuvo (¿un bucle "
                                              "sin fin?); las demás celdas se calificaron: {score} de {max_score} "
                                              "puntos; corríjala y vuelva a entregar.")},
    "instructor.grade.timeout": {"en": ("Your notebook did not finish within the {time_limit}-second limit and was "
                                        "stopped, so it scored 0 of {max_score}; look for a loop that never ends, "
                                        "fix it and submit again."),
                                 "es": ("Su cuaderno no terminó en el límite de {time_limit} segundos y se detuvo, "
                                         "así que obtuvo 0 de {max_score}; busque un bucle sin fin, corríjalo y "
                                         "vuelva a entregar.")},
    "instructor.grade.memory_limit_cell": {"en": ("A cell tried to use more than {memory_limit_mb} MB of memory "
                                                  "and was stopped (MemoryError); the other cells were graded: "
                                                  "{score} of {max_score} points; make that cell use less memory "
                                                  "and submit again."),
                                           "es": ("Una celda intentó usar más de {memory_limit_mb} MB de memoria y "
                                                   "se detuvo (MemoryError); las demás celdas se calificaron: "
                                                   "{score} de {max_score} puntos; haga que use menos memoria y "
                                                   "vuelva a entregar.")},
    "instructor.grade.kernel_died": {"en": ("Python stopped while running your notebook (a cell called os._exit, "
                                            "crashed, or used more than {memory_limit_mb} MB of memory), so it "
                                            "scored 0 of {max_score}; remove that code and submit again."),
                                     "es": ("Python se detuvo al ejecutar su cuaderno (una celda llamó a os._exit, "
                                             "falló o usó más de {memory_limit_mb} MB de memoria), así que obtuvo 0 "
                                             "de {max_score}; quite ese código y vuelva a entregar.")},
    "instructor.grade.invalid_notebook": {"en": ("{expected} is not a readable Jupyter notebook ({reason}), so it "
                                                 "scored 0 of {max_score}; open your notebook in JupyterLab, save "
                                                 "it and submit it again."),
                                          "es": ("{expected} no es un cuaderno de Jupyter legible ({reason}), así "
                                                  "que obtuvo 0 de {max_score}; abra su cuaderno en JupyterLab, "
                                                  "guárdelo y vuelva a entregarlo.")},
    "instructor.grade.no_notebook": {"en": ("No {expected} was found in your submission ({what}), so it scored 0 "
                                            "of {max_score}; submit your work in a notebook named {expected} "
                                            "(rename it if needed)."),
                                     "es": ("No se encontró {expected} en su entrega ({what}), así que obtuvo 0 de "
                                             "{max_score}; entregue su trabajo en un cuaderno llamado {expected} "
                                             "(cámbiele el nombre si hace falta).")},
    "instructor.grade.folder_held": {"en": "the folder held only {found}",
                                     "es": "la carpeta solo tenía {found}"},
    "instructor.grade.folder_empty": {"en": "the folder was empty",
                                      "es": "la carpeta estaba vacía"},
    "instructor.grade.wrong_assignment": {"en": ("{found} is the notebook of {other}, not of this assignment, so "
                                                 "it scored 0 of {max_score}; submit the notebook {expected}."),
                                          "es": ("{found} es el cuaderno de {other}, no de esta tarea, así que "
                                                  "obtuvo 0 de {max_score}; entregue el cuaderno {expected}.")},
    "instructor.grade.error": {"en": ("The grader could not grade your notebook ({detail}), so it scores 0 of "
                                      "{max_score} for now; your instructor has the details and will look at it."),
                               "es": ("El corrector no pudo calificar su cuaderno ({detail}), así que por ahora "
                                       "tiene 0 de {max_score}; su instructor tiene los detalles y lo revisará.")},
    "instructor.grade.note_system_exit": {"en": ("A cell called exit() or raised SystemExit; remove it so the "
                                                 "cells after it can run."),
                                          "es": ("Una celda llamó a exit() o lanzó SystemExit; quítela para que las "
                                                  "celdas siguientes puedan ejecutarse.")},
    "instructor.grade.note_keyboard_interrupt": {"en": ("A cell raised KeyboardInterrupt; remove it so the cells "
                                                        "after it can run."),
                                                 "es": ("Una celda lanzó KeyboardInterrupt; quítela para que las "
                                                         "celdas siguientes puedan ejecutarse.")},
    "instructor.grade.note_truncated": {"en": ("Your notebook printed a very long output; the graded copy keeps "
                                               "only its beginning."),
                                        "es": ("Su cuaderno imprimió una salida muy larga; la copia calificada "
                                                "conserva solo el comienzo.")},
    "instructor.grade.note_deleted": {"en": ("The test cells {cells} were missing from your notebook and score 0; "
                                             "start from a fresh copy of the exercise and paste your answers in."),
                                      "es": ("Faltaban las celdas de prueba {cells} en su cuaderno y valen 0; parta "
                                              "de una copia nueva del ejercicio y pegue sus respuestas.")},
    "instructor.grade.note_edited": {"en": ("The locked cells {cells} had been changed; the original versions were "
                                            "used for grading."),
                                     "es": ("Las celdas bloqueadas {cells} habían sido modificadas; se usaron las "
                                            "versiones originales para calificar.")},
    "instructor.grade.note_ignored": {"en": "Only {expected} is graded; {names} was ignored.",
                                      "es": "Solo se califica {expected}; se ignoró {names}."},
    "instructor.grade.bytes_zip": {"en": "it is a ZIP file, e.g. an Excel or Word document",
                                   "es": "es un archivo ZIP, p. ej. Excel o Word"},
    "instructor.grade.bytes_pdf": {"en": "it is a PDF file",
                                   "es": "es un PDF"},
    "instructor.grade.bytes_empty": {"en": "it is empty",
                                     "es": "está vacío"},
    "instructor.grade.bytes_broken": {"en": "its JSON is broken or cut short",
                                      "es": "su JSON está dañado o incompleto"},
    "instructor.scoring.failed": {"en": "the process that scores the answers failed (exit code {code}); see grader.log",
                                  "es": "el proceso que puntúa las respuestas falló (código de salida {code}); "
                                        "vea grader.log"},
    "instructor.isolation.summary": {"en": "Isolation of the participants' code: {counts}.",
                                     "es": "Aislamiento del código de los participantes: {counts}."},
    "instructor.isolation.count": {"en": "{level} for {n} submission(s)",
                                   "es": "{level} en {n} entrega(s)"},
    "instructor.isolation.not_run": {"en": "{n} not run (nothing to run)",
                                     "es": "{n} sin ejecutar (nada que ejecutar)"},
    "instructor.isolation.leftovers": {"en": ("{n} submission(s) left processes running after their notebook "
                                              "ended; the sandbox killed them: {students}"),
                                       "es": ("{n} entrega(s) dejaron procesos en marcha al terminar su cuaderno; "
                                              "el aislamiento los terminó: {students}")},
    "instructor.isolation.warning": {"en": ("WARNING: grading runs with isolation '{level}', not bubblewrap ({why}): "
                                            "{lost}. Install bubblewrap (apt-get install bubblewrap) and allow user "
                                            "namespaces (docs/hub_tljh.md, docs/hub_z2jh.md)."),
                                     "es": ("AVISO: la calificación se ejecuta con aislamiento '{level}', no con "
                                            "bubblewrap ({why}): {lost}. Instale bubblewrap (apt-get install "
                                            "bubblewrap) y permita los espacios de nombres de usuario "
                                            "(docs/hub_tljh.md, docs/hub_z2jh.md).")},
    "instructor.isolation.asked": {"en": "{var} or the grader asked for {level}",
                                   "es": "{var} o el corrector pidió {level}"},
    "instructor.isolation.lost_read": {"en": ("participants' code can READ every file the grading user can "
                                              "(solutions/, gradebook.db, other submissions)"),
                                       "es": ("el código de los participantes puede LEER todo archivo que el "
                                              "usuario que califica puede leer (solutions/, gradebook.db, otras "
                                              "entregas)")},
    "instructor.isolation.lost_write": {"en": "and WRITE them",
                                        "es": "y ESCRIBIRLOS"},
    "instructor.isolation.lost_network": {"en": "it has the network (only Python's sockets are blocked)",
                                          "es": "tiene la red (solo se bloquean los sockets de Python)"},
    "instructor.isolation.lost_daemons": {"en": "a process it detaches may outlive grading",
                                          "es": "un proceso que desprenda puede sobrevivir a la calificación"},
    "instructor.isolation.lost_forks": {"en": "it has no process limit (a fork storm can fill the machine)",
                                        "es": "no tiene límite de procesos (una tormenta de fork puede llenar la "
                                              "máquina)"},
    "instructor.release.oracle": {"en": ("{path} is an exercise's oracle (the expected answers): not released. "
                                         "Run `course build {assignment}` (nbgrader_config.py must ignore "
                                         "oracle.py)"),
                                  "es": ("{path} es el oráculo de un ejercicio (las respuestas esperadas): no se "
                                         "publica. Ejecute `course build {assignment}` (nbgrader_config.py debe "
                                         "ignorar oracle.py)")},
    "instructor.feedback.oracle": {"en": ("feedback files named {name} were deleted: an exercise's oracle must "
                                          "never reach participants (nbgrader_config.py must ignore it): {paths}"),
                                   "es": ("se borraron archivos de devolución llamados {name}: el oráculo de un "
                                          "ejercicio nunca debe llegar a los participantes (nbgrader_config.py debe "
                                          "ignorarlo): {paths}")},
    "instructor.isolation.help": {"en": ("how to isolate the participants' code (default: $NICHOS_SANDBOX, else auto: "
                                         "the strongest this machine has, with a warning below bubblewrap; off only "
                                         "to debug)"),
                                  "es": ("cómo aislar el código de los participantes (por defecto: $NICHOS_SANDBOX, "
                                         "si no auto: el más fuerte que tenga esta máquina, con un aviso por debajo "
                                         "de bubblewrap; off solo para depurar)")},
}
