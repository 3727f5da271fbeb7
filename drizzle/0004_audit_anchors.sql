CREATE TABLE "audit_anchors" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"anchored_at" timestamp with time zone NOT NULL,
	"mac" text NOT NULL
);
