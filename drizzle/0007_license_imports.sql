CREATE TABLE "license_import_errors" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"row" integer NOT NULL,
	"field" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "license_import_errors_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "license_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"filename" text NOT NULL,
	"format" text NOT NULL,
	"uploaded_by_id" text NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"department_id" uuid,
	"status" text NOT NULL,
	"file_path" text,
	"expected_rows" integer,
	"total" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"signed" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "licenses_type_serial_version_uq";--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "import_id" uuid;--> statement-breakpoint
CREATE INDEX "license_import_errors_row_idx" ON "license_import_errors" USING btree ("import_id","row","seq");--> statement-breakpoint
CREATE INDEX "license_imports_department_idx" ON "license_imports" USING btree ("department_id","created_at");--> statement-breakpoint
CREATE INDEX "license_imports_status_idx" ON "license_imports" USING btree ("status","heartbeat_at");