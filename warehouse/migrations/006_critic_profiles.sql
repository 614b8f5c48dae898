-- v6: critics keep the profile links that tied their bylines together.
ALTER TABLE critics ADD COLUMN profile_urls VARCHAR[];
COMMENT ON COLUMN critics.profile_urls IS 'Profile links seen with this critic''s bylines (author pages, personal sites); bylines sharing one are the same critic.';
COMMENT ON TABLE critics IS 'One row per critic: bylines with the same normalised name, or sharing a profile link, are one person.';
